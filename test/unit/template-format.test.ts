import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers';

/*
 * The template format is described once, by schemas/template.schema.json: the validator reads it,
 * the configuration schema embeds it. The TypeScript types and docs/templates.md follow it, and
 * these tests say where they drift (a key added to one and not the others).
 */
interface SchemaObject {
  properties?: Record<string, unknown>;
  required?: string[];
}
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/template.schema.json'), 'utf8')) as SchemaObject & {
  definitions: Record<string, SchemaObject>;
};

/** Each interface of templates/types.ts that a template file holds, and the schema object it is. */
const INTERFACES: Record<string, SchemaObject> = {
  TemplateSpec: schema,
  DetectSpec: schema.definitions.detectSpec,
  FilenameSpec: schema.definitions.filenameSpec,
  TitleSpec: schema.definitions.titleSpec,
  Seen: schema.definitions.seen,
  SectionSpec: schema.definitions.sectionSpec,
  FieldSpec: schema.definitions.fieldSpec,
  TopicSpec: schema.definitions.topicSpec,
  AttendeeSpec: schema.definitions.attendeeSpec,
  PlaceholderSpec: schema.definitions.placeholderSpec,
  AgreementSpec: schema.definitions.agreementSpec,
  DatesSpec: schema.definitions.datesSpec,
  NumberingSpec: schema.definitions.numberingSpec,
  VariantSpec: schema.definitions.variantSpec,
  IdSelection: schema.definitions.idSelection,
};
/** Keys a template file may carry that the program does not read. */
const SCHEMA_ONLY = new Set(['$schema']);

/** Each interface's keys: name → optional? */
function interfaceKeys(): Map<string, Map<string, boolean>> {
  const path = join(ROOT, 'server/src/core/templates/types.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const out = new Map<string, Map<string, boolean>>();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const keys = new Map<string, boolean>();
    for (const member of node.members) {
      if (ts.isPropertySignature(member) && member.name)
        keys.set(member.name.getText(source).replace(/^['"]|['"]$/g, ''), Boolean(member.questionToken));
    }
    out.set(node.name.text, keys);
  });
  return out;
}

describe('the template format, described once (schemas/template.schema.json)', () => {
  const types = interfaceKeys();

  for (const [name, object] of Object.entries(INTERFACES)) {
    it(`templates/types.ts ${name} has the schema's keys, optional where the schema does not require them`, () => {
      const keys = types.get(name);
      assert.ok(keys, `no interface ${name}`);
      const required = new Set(object.required ?? []);
      const fromSchema = Object.keys(object.properties ?? {})
        .filter((k) => !SCHEMA_ONLY.has(k))
        .map((k) => `${k}${required.has(k) ? '' : '?'}`)
        .sort();
      const fromType = [...keys].map(([k, optional]) => `${k}${optional ? '?' : ''}`).sort();
      assert.deepEqual(fromType, fromSchema);
    });
  }

  it('docs/templates.md names every key of the schema', () => {
    const docs = readFileSync(join(ROOT, 'docs/templates.md'), 'utf8');
    const missing: string[] = [];
    for (const [name, object] of Object.entries(INTERFACES)) {
      for (const key of Object.keys(object.properties ?? {})) {
        if (!SCHEMA_ONLY.has(key) && !docs.includes(`\`${key}\``)) missing.push(`${name}.${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
