"""Files to download: CSV and OpenDocument spreadsheets (odfpy), every text cell
made safe by ``webapp.domain.exports.safe_cell`` (a formula stays text)."""

import csv
import io

from webapp.domain.exports import safe_cell, safe_row

CSV_TYPE = "text/csv; charset=utf-8"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def csv_text(columns, records):
    """A header line, then one line per record (a sequence of cells)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe_row(columns))
    for record in records:
        writer.writerow(safe_row(record))
    return out.getvalue()


def _cell(value):
    from odf.table import TableCell
    from odf.text import P

    if value is None:
        return TableCell()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
        return cell
    cell = TableCell(valuetype="string")
    cell.addElement(P(text=safe_cell(str(value))))
    return cell


def ods_bytes(sheets):
    """An OpenDocument spreadsheet: ``sheets`` are (name, columns, records)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow

    document = OpenDocumentSpreadsheet()
    for name, columns, records in sheets:
        table = Table(name=name)
        for record in (columns, *records):
            row = TableRow()
            for value in record:
                row.addElement(_cell(value))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
