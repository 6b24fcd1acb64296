package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A small table that prints as aligned plain text or as a markdown table. */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    void addRow(List<String> cells) {
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < headers.size()) {
            padded.add("");
        }
        rows.add(padded);
    }

    String toText() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                // A long last cell (a failure message) must not widen the whole column.
                if (column < widths.length - 1 || row.get(column).length() <= 40) {
                    widths[column] = Math.max(widths[column], row.get(column).length());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        appendTextRow(text, headers, widths);
        for (List<String> row : rows) {
            appendTextRow(text, row, widths);
        }
        return text.toString();
    }

    private static void appendTextRow(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell);
            if (column < cells.size() - 1) {
                line.append(" ".repeat(Math.max(0, widths[column] - cell.length()) + 2));
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    String toMarkdown() {
        StringBuilder markdown = new StringBuilder();
        markdown.append("| ").append(String.join(" | ", headers.stream().map(Table::escape).toList())).append(" |\n");
        markdown.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            markdown.append("| ").append(String.join(" | ", row.stream().map(Table::escape).toList())).append(" |\n");
        }
        return markdown.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
