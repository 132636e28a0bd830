/** The id the build stamped into index.html (scripts/build/buildId.ts), or null (a page without one). */
export function currentBuildId(doc: Pick<Document, 'querySelector'> = document): string | null {
  return doc.querySelector<HTMLMetaElement>('meta[name="cnn-build"]')?.content || null;
}
