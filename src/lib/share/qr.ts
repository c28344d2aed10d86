/**
 * QR codes for the printed poster, through lean-qr's smallest build (MIT, about 2 KB gzip): it is
 * loaded only when a poster is printed (views/poster.ts). A code is drawn as one SVG path of its
 * dark modules, one unit per module, so it prints sharp at any size; medium error correction
 * keeps it readable from a photo of a poster on a wall.
 */
import {correction, generate} from 'lean-qr/nano';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules as SVG path data, each row's runs as rectangles. */
  path: string;
}

export function qrShape(text: string): QrShape {
  const code = generate(text, {minCorrectionLevel: correction.M});
  let path = '';
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      let run = 1;
      while (x + run < code.size && code.get(x + run, y)) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return {size: code.size, path};
}
