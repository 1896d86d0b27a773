// Renders build/icon.svg into the icons electron-builder packs: build/icon.png (512 px, also the
// Linux and window icon) and build/icon.ico (16, 24, 32, 48, 64, 128 and 256 px, the sizes Windows
// picks from for the taskbar, Start menu, Explorer and the installer). Run after changing the SVG:
// `node scripts/make-icons.mjs`; the outputs are committed so packaging needs no renderer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const BUILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = fs.readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');
const png = (size) => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

fs.writeFileSync(path.join(BUILD, 'icon.png'), png(512));
fs.writeFileSync(path.join(BUILD, 'icon.ico'), await pngToIco(ICO_SIZES.map(png)));
console.log(`wrote build/icon.png (512 px) and build/icon.ico (${ICO_SIZES.join(', ')} px)`);
