import { open, unlink } from 'node:fs/promises';

/**
 * Creates `file` holding `text` unless it exists: open(..., 'wx') is atomic, so of several
 * callers exactly one gets true. A crash between create and write leaves an empty file.
 */
export async function createFileExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
  } catch (error) {
    await handle.close();
    await unlink(file).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}
