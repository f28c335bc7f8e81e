package dev.cfcheck.diagnosis;

import dev.cfcheck.diagnosis.engine.Diagnoser;
import java.util.*;
import org.junit.jupiter.api.Test;

class TmpStatsTest {
    @Test
    void stats() throws Exception {
        var m = DiagnosisCombinationsTest.class.getDeclaredMethod("exhaustiveRows");
        m.setAccessible(true);
        List<int[]> ex = (List<int[]>) m.invoke(null);
        var sizesF = DiagnosisCombinationsTest.class.getDeclaredField("SIZES");
        sizesF.setAccessible(true);
        int[] sizes = (int[]) sizesF.get(null);
        var ap = DiagnosisCombinationsTest.class.getDeclaredMethod("applies", int[].class, int.class);
        ap.setAccessible(true);
        long t0 = System.nanoTime();
        List<int[]> pw = PairwiseRows.of(sizes, (r, d) -> { try { return (boolean) ap.invoke(null, r, d); } catch (Exception e) { throw new RuntimeException(e); } });
        long t1 = System.nanoTime();
        System.out.println("sizes " + Arrays.toString(sizes) + " exhaustive " + ex.size() + " pairwise " + pw.size() + " gen ms " + (t1 - t0) / 1e6);
        Diagnoser dg = new Diagnoser(KnowledgeBase.load());
        Map<String, Integer> kinds = new TreeMap<>();
        long build = 0, diag = 0; var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long cpu0 = mx.getCurrentThreadCpuTime();
        for (List<int[]> rows : List.of(ex, pw)) {
            for (int[] row : rows) {
                long a = System.nanoTime();
                var in = DiagnosisCombinationsTest.Combination.of(row).input();
                long b = System.nanoTime();
                var d = dg.diagnose(in);
                long c = System.nanoTime();
                build += b - a; diag += c - b;
                kinds.merge(d.verdict().kind() + "/" + d.verdict().severity(), 1, Integer::sum);
            }
        }
        System.out.println("cpu ms " + (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 + " build ms " + build / 1e6 + " diag ms " + diag / 1e6);
        System.out.println(kinds);
    }
}
