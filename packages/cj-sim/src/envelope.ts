// The response envelopes. CJ's envelope is not uniform (cj-api.md §3): some endpoints add
// `success`, some drop `result`, some answer code 0, one has no code at all, disputes answer
// data:"true" with `redirectUri` instead of `requestId`. Each route declares its style and this
// module renders it, so a client's normalisation is exercised exactly as against CJ.

export type EnvelopeStyle =
  /** {code:200, result:true, message:"Success", data, requestId} — most endpoints */
  | 'standard'
  /** standard + success:true — addToMyProduct, myProduct/query, queryBySku, warehouse/detail, freightCalculateTip, disputes */
  | 'standard+success'
  /** {code:200, success:true, message, data, requestId} — no `result` (globalWarehouseList) */
  | 'success-no-result'
  /** {success:true, code:200, message:"", data, requestId} — getInventoryByPid */
  | 'inventory'
  /** {success:true, code:0, message:null, data, requestId} — comments, sourcing */
  | 'code0'
  /** {success:true, code:200, message:"Congratulation! Well done!", data} — addCart, addCartConfirm */
  | 'cart'
  /** {success:true, message:"", data} — no code at all (saveGenerateParentOrder) */
  | 'no-code'
  /** {code:200, result:true, message:"Success", data, redirectUri} — disputes create/cancel/getDisputeList */
  | 'dispute';

export function successEnvelope(style: EnvelopeStyle, data: unknown, requestId: string): Record<string, unknown> {
  switch (style) {
    case 'standard':
      return { code: 200, result: true, message: 'Success', data, requestId };
    case 'standard+success':
      return { code: 200, result: true, message: 'Success', data, requestId, success: true };
    case 'success-no-result':
      return { code: 200, success: true, message: 'Success', data, requestId };
    case 'inventory':
      return { success: true, code: 200, message: '', data, requestId };
    case 'code0':
      return { success: true, code: 0, message: null, data, requestId };
    case 'cart':
      return { success: true, code: 200, message: 'Congratulation! Well done!', data };
    case 'no-code':
      return { success: true, message: '', data };
    case 'dispute':
      return { code: 200, result: true, message: 'Success', data, redirectUri: requestId };
  }
}

/**
 * Error envelope. CJ's error samples are the standard shape for every style (even code-0 and
 * no-code endpoints); the styles whose samples carry `success` add success:false.
 */
export function errorEnvelope(style: EnvelopeStyle, code: number, message: string, requestId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { code, result: false, message, data: null, requestId };
  if (style === 'standard+success') body.success = false;
  return body;
}

/**
 * The throttling body. Observed live: it has no `result` (and no data/requestId), which is the
 * trap cj-api.md §9.3 describes — code that tests `!body.result` reads it as "not found".
 */
export function throttleBody(code: number, message: string): Record<string, unknown> {
  return { code, message };
}

/** "Too Many Requests, QPS limit is 1 time/1second" / "… 6 times/1second" as observed. */
export function qpsMessage(qps: number): string {
  return `Too Many Requests, QPS limit is ${qps} ${qps === 1 ? 'time' : 'times'}/1second`;
}
