// Bounded reading of uploaded .xlsx / .csv sheets (imports): caps on bytes, inflation ratio and rows.
export * from './sheet.errors';
export * from './sheet-limits';
export * from './sheet-rows';
export { BoundedZip, MAX_ZIP_ENTRIES, type InflateCaps } from './bounded-zip';
export { CsvParser, readCsvSheet } from './csv-sheet-reader';
export { readXlsxSheet } from './xlsx-sheet-reader';
export { excelSerialToDate, isDateFormatCode, unescapeXlsx } from './xlsx-workbook';
export { parseXml, type XmlHandlers } from './xml-stream';
export * from './sheet-file-reader';
