// A remote provider can fail (quota, outage, timeout, a claim in its answer). When the store is
// configured with fallback 'offline', the offline translator answers instead and the result says
// so; with 'none' the error reaches the caller, who keeps the candidate for the next scan.
import { TranslationError, type TranslateOptions, type TranslationRequest, type TranslationResult, type Translator } from './types.js';

export interface FallbackOptions {
  /** Told each time the fallback answers, e.g. to log or count it. */
  onFallback?: (err: TranslationError, req: TranslationRequest) => void;
}

export class FallbackTranslator implements Translator {
  readonly name: string;
  readonly version: string;

  constructor(
    private readonly primary: Translator,
    private readonly fallback: Translator,
    private readonly opts: FallbackOptions = {},
  ) {
    this.name = primary.name;
    this.version = `${primary.version}|fallback:${fallback.name}@${fallback.version}`;
  }

  async translate(req: TranslationRequest, opts: TranslateOptions = {}): Promise<TranslationResult> {
    try {
      return await this.primary.translate(req, opts);
    } catch (err) {
      const error = err instanceof TranslationError ? err : new TranslationError('network', this.primary.name, err instanceof Error ? err.message : String(err));
      // A cancel is the caller's decision, not a failure to cover up.
      if (error.code === 'aborted' || opts.signal?.aborted) throw error;
      this.opts.onFallback?.(error, req);
      const result = await this.fallback.translate(req, opts);
      return { ...result, fallbackFrom: { provider: this.primary.name, code: error.code } };
    }
  }
}
