import type { OptionValue, RuleOption } from './types';

/** Does a configured value have the option's declared type (and range)? */
export function optionFits(spec: RuleOption, value: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= (spec.minimum ?? -Infinity);
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/**
 * The options a rule reads: each declared option's configured value when it fits, else its
 * default. A configuration read from a file has been checked already (its problems reported);
 * one handed to the API or a test directly is held to the same declaration here.
 */
export function ruleOptions(
  declared: Readonly<Record<string, RuleOption>> | undefined,
  configured: Readonly<Record<string, unknown>> | undefined,
): Record<string, OptionValue<RuleOption>> {
  const out: Record<string, OptionValue<RuleOption>> = {};
  for (const [name, spec] of Object.entries(declared ?? {})) {
    const value = configured?.[name];
    out[name] = optionFits(spec, value) ? (value as OptionValue<RuleOption>) : spec.default;
  }
  return out;
}
