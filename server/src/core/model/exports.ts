/**
 * Minutes that were written in an online editor and exported as Markdown carry the editor's
 * notation, which the team does not choose line by line: Google Docs writes a person chip as
 * `@First Last`, escapes punctuation (`\-`, `\+`) and embeds each image as a reference
 * `![][image1]` whose definition `[image1]: <data:image/png;base64,…>` holds the picture itself.
 */

/** The embedded-image definition of a Google Docs export: `[image3]: <data:image/png;base64,…>`. */
const GOOGLE_DOCS_IMAGE = /^\[image\d{1,4}\]:[ \t]*<?data:image\/[a-z+.-]{1,20};base64,/im;

/**
 * Is the text recognisably a Google Docs export? Only the embedded images tell it for sure: escaped
 * punctuation alone is every exporter's habit (Feishu's too, where `@Name` is typed by hand).
 */
export function isGoogleDocsExport(text: string): boolean {
  return GOOGLE_DOCS_IMAGE.test(text);
}
