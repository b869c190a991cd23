import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type FaceAuthErrorCode } from '../../../src-shared/faceauth/codes';
import { FaceAuthErrorSchema } from '../../../src-shared/faceauth/result';
import { EngineError, toFaceAuthError } from '../../../src-main/engine/errors/engine-error';

describe('error mapping', () => {
  const engineCodes: FaceAuthErrorCode[] = [
    'image_converting_error',
    'image_processing_error',
    'no_face',
    'detection_server_error',
    'required_field_missing',
    'data_processing_error',
    'invalid_data_format',
  ];
  it.each(engineCodes)('EngineError(%s) becomes the ARGOS error object', (code) => {
    const body = toFaceAuthError(new EngineError(code, 'internal detail'));
    expect(body).toEqual({ errorCode: code, message: ERROR_MESSAGES[code] });
    expect(JSON.stringify(body)).not.toContain('internal detail');
    FaceAuthErrorSchema.strict().parse(body);
  });

  it('maps unexpected failures (model crash, bug) to detection_server_error', () => {
    expect(toFaceAuthError(new TypeError('x is undefined'))).toEqual({
      errorCode: 'detection_server_error',
      message: 'Cannot finish process of detecting face',
    });
    expect(toFaceAuthError('a string').errorCode).toBe('detection_server_error');
  });

  it('carries a trace id when given', () => {
    expect(toFaceAuthError(new EngineError('no_face', 'x'), 't-1')).toEqual({
      errorCode: 'no_face',
      message: 'Face is not detected',
      traceId: 't-1',
    });
  });
});
