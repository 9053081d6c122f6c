// Every HTTP error is JSON `{ error: { code, message, field? } }` with the right 4xx/5xx status,
// and `field` names the input to fix.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): { error: { code: string; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const badRequest = (field: string | undefined, message: string, code = 'invalid_input') =>
  new HttpError(400, code, message, field);
export const unauthorized = (message = 'missing or invalid admin token: send "Authorization: Bearer <token>"') =>
  new HttpError(401, 'unauthorized', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const conflict = (code: string, message: string, field?: string) => new HttpError(409, code, message, field);
export const unprocessable = (code: string, message: string, field?: string) => new HttpError(422, code, message, field);
export const serviceUnavailable = (code: string, message: string) => new HttpError(503, code, message);
export const badGateway = (code: string, message: string) => new HttpError(502, code, message);
