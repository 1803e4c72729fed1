package dev.tern.transport.predict;

/** The cell predictions of one screen row, one per column (mosh's {@code ConditionalOverlayRow}). */
final class RowPrediction {
    final int row;
    final CellPrediction[] cells;

    RowPrediction(int row, int width, long epoch) {
        this.row = row;
        this.cells = new CellPrediction[width];
        for (int i = 0; i < width; i++) {
            cells[i] = new CellPrediction(i, epoch);
        }
    }
}
