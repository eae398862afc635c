package io.tollgate.ops.djangoimport;

import java.io.PrintStream;

/** Progress of one kind of row at a time: a redrawn bar on a terminal, a few plain lines otherwise (logs, CI). */
public interface Progress {
    void start(String label, long total);

    void advance(long rows);

    void finish();

    static Progress none() {
        return new Progress() {
            @Override
            public void start(String label, long total) {
            }

            @Override
            public void advance(long rows) {
            }

            @Override
            public void finish() {
            }
        };
    }

    static Progress forOutput(PrintStream out, boolean terminal) {
        return terminal ? new Bar(out) : new Lines(out);
    }

    /**
     * What both outputs share: where they write and how far the current kind of row has come; each says in its own
     * way that a kind started or moved on.
     */
    abstract class Counter implements Progress {
        final PrintStream out;
        String label;
        long total;
        long done;

        Counter(PrintStream out) {
            this.out = out;
        }

        @Override
        public final void start(String label, long total) {
            this.label = label;
            this.total = total;
            this.done = 0;
            started();
        }

        @Override
        public final void advance(long rows) {
            done += rows;
            advanced();
        }

        abstract void started();

        abstract void advanced();
    }

    /** "\r  users  [#########-----------]  45%  45000/100000", redrawn in place. */
    final class Bar extends Counter {
        private static final int WIDTH = 30;
        private int drawnPercent = -1;

        Bar(PrintStream out) {
            super(out);
        }

        @Override
        void started() {
            drawnPercent = -1;
            draw();
        }

        @Override
        void advanced() {
            draw();
        }

        @Override
        public void finish() {
            done = total;
            drawnPercent = -1;
            draw();
            out.println();
        }

        private void draw() {
            int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
            if (percent == drawnPercent) {
                return;
            }
            drawnPercent = percent;
            int filled = percent * WIDTH / 100;
            out.printf("\r  %-20s [%s%s] %3d%%  %d/%d", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                    percent, Math.min(done, total), total);
            out.flush();
        }
    }

    /** One line at the start, every tenth of the way, and at the end. */
    final class Lines extends Counter {
        private long nextTenth;

        Lines(PrintStream out) {
            super(out);
        }

        @Override
        void started() {
            nextTenth = 1;
            out.println(label + ": " + total + " rows");
        }

        @Override
        void advanced() {
            long tenth = total == 0 ? 10 : Math.min(10, done * 10 / total);
            // One line per tenth reached, none for the last: finish() says that.
            if (tenth >= nextTenth && tenth < 10) {
                out.println(label + ": " + (tenth * 10) + "% (" + done + "/" + total + ")");
                nextTenth = tenth + 1;
            }
        }

        @Override
        public void finish() {
            out.println(label + ": done (" + done + " rows read)");
        }
    }
}
