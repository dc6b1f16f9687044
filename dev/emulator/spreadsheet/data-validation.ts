/**
 * Data validation rules (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder):
 * a list of values, or a checkbox. A new builder allows invalid input (shows a warning) until
 * `setAllowInvalid(false)`; with that, a write that breaks the rule is rejected.
 */
import type { CellValue } from './cell';

/** `SpreadsheetApp.DataValidationCriteria` values this emulator knows. */
export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;
export type CriteriaType = (typeof DataValidationCriteria)[keyof typeof DataValidationCriteria];

export interface DataValidationRule {
  readonly criteriaType: CriteriaType;
  readonly criteriaValues: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** The checked and unchecked values of a checkbox rule (TRUE/FALSE unless custom values were given). */
export function checkboxValues(rule: DataValidationRule): { checked: CellValue; unchecked: CellValue } {
  // With only a checked value given, unchecked is the empty string (range#insertcheckboxescheckedvalue).
  const [checked, unchecked] = rule.criteriaValues as CellValue[];
  if (checked === undefined) return { checked: true, unchecked: false };
  return { checked, unchecked: unchecked ?? '' };
}

/** Whether a stored value satisfies a rule; an empty cell always does. */
export function satisfiesRule(rule: DataValidationRule, value: CellValue): boolean {
  if (value === '') return true;
  switch (rule.criteriaType) {
    case DataValidationCriteria.CHECKBOX: {
      const { checked, unchecked } = checkboxValues(rule);
      return sameValue(value, checked) || sameValue(value, unchecked);
    }
    case DataValidationCriteria.VALUE_IN_LIST: {
      const list = (rule.criteriaValues[0] ?? []) as unknown[];
      return list.some((item) => String(item) === String(value));
    }
    case DataValidationCriteria.NUMBER_BETWEEN: {
      const [low, high] = rule.criteriaValues as number[];
      return typeof value === 'number' && value >= low && value <= high;
    }
    case DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO:
      return typeof value === 'number' && value >= (rule.criteriaValues[0] as number);
    default:
      return true;
  }
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/** The message Apps Script throws when a write breaks a rule that rejects invalid input. */
export function validationViolationMessage(a1: string): string {
  return `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}
