// Recognises JPEG and PNG by their magic bytes before any decoder touches the data: the one
// check the frame handler, the engine's image limits, sync's upload and the simulator share.
// Only JPEG and PNG exist here, as ARGOS FaceAuth documents ("faceImage: file (JPEG/PNG)").
export type ImageFormat = 'jpeg' | 'png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((value, index) => bytes[index] === value))
    return 'png';
  return null;
}

export function imageMimeType(format: ImageFormat): 'image/jpeg' | 'image/png' {
  return format === 'png' ? 'image/png' : 'image/jpeg';
}
