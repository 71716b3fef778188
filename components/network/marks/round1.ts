/** A coordinate to a tenth of a pixel, where a mark is translated: shorter markup, same on server and client. */
export const round1 = (v: number) => Math.round(v * 10) / 10;
