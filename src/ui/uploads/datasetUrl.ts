/** The bundled data folder, resolved against the page (the worker would resolve it against its own script). */
export function dataBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}data`, window.location.href).href;
}
