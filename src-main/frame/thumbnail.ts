// A small reference picture for the operator's result panel (reference beside capture). It is
// biometric data too: the store encrypts it and retention purges it with the templates.
import sharp from 'sharp';

const THUMBNAIL_SIDE = 160;

export async function makeThumbnail(image: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(image)
      .rotate()
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'cover' })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}
