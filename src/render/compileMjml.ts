// MJML to HTML, with the options every template of the project uses.
import mjml2html from 'mjml';

interface MjmlCompileOptions {
  validationLevel: 'strict';
  fonts: Record<string, string>;
  minify: false;
  keepComments: false;
}

/** mjml2html's shape; injectable so a test can count compilations. */
export type MjmlCompile = (
  mjml: string,
  options: MjmlCompileOptions,
) => Promise<{ html: string; errors: readonly { formattedMessage: string }[] }>;

export const defaultMjmlCompile: MjmlCompile = (mjml, options) => mjml2html(mjml, options);

const OPTIONS: MjmlCompileOptions = {
  validationLevel: 'strict',
  // No Google Fonts <link>: mail clients block external resources and it would leak opens.
  fonts: {},
  // mjml 5.4.1's minifier is broken (cssnano pin); size is kept down by the row markup instead.
  minify: false,
  keepComments: false,
};

/** Compiles one template; invalid MJML throws an error naming the template. */
export async function compileMjml(
  source: string,
  templateName: string,
  compile: MjmlCompile = defaultMjmlCompile,
): Promise<string> {
  let result: Awaited<ReturnType<MjmlCompile>>;
  try {
    result = await compile(source, OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Template ${templateName} is not valid MJML: ${reason}`);
  }
  if (result.errors.length > 0) {
    throw new Error(`Template ${templateName} is not valid MJML: ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  }
  // minify is off (see above), so drop MJML's indentation: ~5 KB a mail, which matters under Gmail's
  // clipping size. Whitespace after a line break stays one line break, which HTML renders the same.
  return result.html.replace(/\n\s+/g, '\n');
}
