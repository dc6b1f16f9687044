/**
 * Names of Sheets' built-in functions that a formula may start with. A formula calling anything else is taken
 * to be a custom function and handed to the core for evaluation (support.google.com/docs/table/25273).
 */
export const BUILTIN_FUNCTIONS = new Set(
  (
    'ABS AND ARRAYFORMULA AVERAGE AVERAGEIF AVERAGEIFS CEILING CHAR CHOOSE COLUMN COLUMNS CONCAT CONCATENATE ' +
    'COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS COUNTUNIQUE DATE DATEDIF DATEVALUE DAY DAYS EDATE EOMONTH EXACT ' +
    'FALSE FILTER FIND FLATTEN FLOOR GOOGLEFINANCE HLOOKUP HOUR HYPERLINK IF IFERROR IFNA IFS IMAGE IMPORTDATA ' +
    'IMPORTFEED IMPORTHTML IMPORTRANGE IMPORTXML INDEX INDIRECT INT ISBLANK ISERROR ISNUMBER ISTEXT JOIN LEFT ' +
    'LEN LOWER MATCH MAX MAXIFS MEDIAN MID MIN MINIFS MINUTE MOD MONTH NETWORKDAYS NOT NOW OFFSET OR PROPER ' +
    'QUERY RAND RANDBETWEEN REGEXEXTRACT REGEXMATCH REGEXREPLACE REPLACE REPT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ' +
    'ROWS SEARCH SECOND SEQUENCE SORT SORTN SPARKLINE SPLIT SQRT SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT ' +
    'SWITCH TEXT TEXTJOIN TODAY TRANSPOSE TRIM TRUE UNIQUE UPPER VALUE VLOOKUP WEEKDAY WEEKNUM XLOOKUP YEAR'
  ).split(' '),
);

/** The function a formula calls at its top level (`=NAME(...)`), upper-cased, or null. */
export function outerFunctionName(formula: string): string | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula);
  return m ? m[1].toUpperCase() : null;
}

/** Whether a formula calls something that is not a built-in, i.e. a custom function the core must run. */
export function callsCustomFunction(formula: string): boolean {
  const name = outerFunctionName(formula);
  return name !== null && !BUILTIN_FUNCTIONS.has(name);
}
