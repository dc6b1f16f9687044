/** `SpreadsheetApp.newDataValidation()` and the `DataValidation` objects it builds. */
import { type ApiContext, facade, signatureError } from './api-context';
import { type CriteriaType, type DataValidationRule, DataValidationCriteria } from './data-validation';
import { SheetsError } from './errors';

const RULES = new WeakMap<object, DataValidationRule>();

/** The rule behind a script-facing DataValidation, if it is one. */
export function ruleOf(v: unknown): DataValidationRule | undefined {
  return v && typeof v === 'object' ? RULES.get(v) : undefined;
}

export function createDataValidationFacade(ctx: ApiContext, rule: DataValidationRule): object {
  const dv = facade(ctx, 'DataValidation', {
    getCriteriaType: () => rule.criteriaType,
    getCriteriaValues: () => ctx.list([...rule.criteriaValues]),
    getAllowInvalid: () => rule.allowInvalid,
    getHelpText: () => rule.helpText,
    copy: () => createDataValidationBuilder(ctx, rule),
  });
  RULES.set(dv, rule);
  return dv;
}

export function createDataValidationBuilder(ctx: ApiContext, from?: DataValidationRule) {
  // A new builder allows invalid data (shows a warning) until setAllowInvalid(false)
  // (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setallowinvalidallowinvalidData).
  let criteriaType: CriteriaType | null = from?.criteriaType ?? null;
  let criteriaValues: unknown[] = from ? [...from.criteriaValues] : [];
  let allowInvalid = from?.allowInvalid ?? true;
  let helpText = from?.helpText ?? '';
  const require = (type: CriteriaType, values: unknown[]) => {
    criteriaType = type;
    criteriaValues = values;
    return builder;
  };
  const builder: Record<string, (...args: never[]) => unknown> = facade(ctx, 'DataValidationBuilder', {
    requireValueInList: (values: unknown, showDropdown?: boolean) => {
      if (!Array.isArray(values))
        throw signatureError(ctx, 'DataValidationBuilder.requireValueInList', [values]);
      return require(DataValidationCriteria.VALUE_IN_LIST, [[...values].map(String), showDropdown ?? true]);
    },
    requireCheckbox: (checkedValue?: unknown, uncheckedValue?: unknown) =>
      require(DataValidationCriteria.CHECKBOX, checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue]),
    requireNumberBetween: (start: number, end: number) =>
      require(DataValidationCriteria.NUMBER_BETWEEN, [start, end]),
    requireNumberGreaterThanOrEqualTo: (n: number) =>
      require(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [n]),
    requireDate: () => require(DataValidationCriteria.DATE_IS_VALID_DATE, []),
    requireFormulaSatisfied: (formula: string) => require(DataValidationCriteria.CUSTOM_FORMULA, [formula]),
    setAllowInvalid: (allow: boolean) => {
      allowInvalid = !!allow;
      return builder;
    },
    setHelpText: (text: string) => {
      helpText = String(text);
      return builder;
    },
    getCriteriaType: () => criteriaType,
    getCriteriaValues: () => ctx.list([...criteriaValues]),
    getAllowInvalid: () => allowInvalid,
    getHelpText: () => helpText,
    build: () => {
      // Wording unconfirmed: a rule needs a criterion.
      if (!criteriaType) throw new SheetsError('The data validation rule has no criteria.');
      return createDataValidationFacade(ctx, {
        criteriaType,
        criteriaValues: [...criteriaValues],
        allowInvalid,
        helpText,
      });
    },
  });
  return builder;
}
