/**
 * Where the credit model in force comes from: the newest published version (`credit_models`), or the engine's
 * `DEFAULT_MODEL` until one is published. A change of model re-scores everyone (`CreditModelService.publish`).
 */
import { type CreditModel, DEFAULT_MODEL, validateModel } from '@livehub/credit';
import { AppError } from '../errors.ts';
import { issueText } from './credit-issue.ts';

export interface CreditModelSource {
  current(): CreditModel;
}

/** Refuses a model the engine cannot use, naming the first problem's path (`dimensions.merchant` …). */
export function assertValidModel(model: unknown): asserts model is CreditModel {
  let issues: Array<{ path: string; code: string }>;
  try {
    if (typeof model !== 'object' || model === null || Array.isArray(model)) throw new TypeError('not an object');
    issues = validateModel(model as CreditModel);
  } catch {
    // a shape so far off that validation itself cannot walk it
    throw new AppError('credit.invalid_model', {
      field: 'model',
      details: { issue: { zh: 'model：不是信用模型', en: 'model: not a credit model' } },
    });
  }
  const first = issues[0];
  if (first) throw new AppError('credit.invalid_model', { field: first.path, details: { issue: issueText(first.path, first.code) } });
}

/** The model in force in this process; replaced when a version is published (here or, told, in another process). */
export class StaticCreditModel implements CreditModelSource {
  private model: CreditModel;
  constructor(model: CreditModel = DEFAULT_MODEL) {
    assertValidModel(model);
    this.model = model;
  }
  current(): CreditModel {
    return this.model;
  }
  set(model: CreditModel): void {
    assertValidModel(model);
    this.model = model;
  }
}
