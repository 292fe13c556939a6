/**
 * Where the credit model in force comes from. The default is the engine's `DEFAULT_MODEL`; a stored, versioned
 * model can replace it (a change of model re-scores everyone: `CreditRecomputeService.recompute`).
 */
import { type CreditModel, DEFAULT_MODEL, validateModel } from '@livehub/credit';
import { AppError } from '../errors.ts';

export interface CreditModelSource {
  current(): CreditModel;
}

export class StaticCreditModel implements CreditModelSource {
  private readonly model: CreditModel;
  constructor(model: CreditModel = DEFAULT_MODEL) {
    const issue = validateModel(model)[0];
    if (issue) throw new AppError('credit.invalid_model', { field: issue.path, details: { issue: `${issue.path}: ${issue.code}` } });
    this.model = model;
  }
  current(): CreditModel {
    return this.model;
  }
}
