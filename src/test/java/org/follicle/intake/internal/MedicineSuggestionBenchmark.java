package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The medicine dictionary as staff use it, with the full dictionary loaded: names suggested as one types (the
 * clinical-safety issue's target: under 20 ms p95 for the whole request), and an intake's medicines classified when
 * it is saved. Sample time gives the percentiles. Run it as docs/performance.md says ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class MedicineSuggestionBenchmark {

    private MedicineDictionary dictionary;

    private List<IntakeDocument.Medication> medicines;

    @Setup
    public void load() {
        dictionary = MedicineDictionary.load(KnowledgeConfiguration.MEDICINES);
        LocalDate day = LocalDate.of(2026, 11, 20);
        medicines = List.of(new IntakeDocument.Medication(null, null, "Kardégic 75 mg", true, day),
                new IntakeDocument.Medication(null, null, "ibuprofène 400", false, day),
                new IntakeDocument.Medication(null, null, "Zorglubine", true, day));
    }

    /** One letter: the longest scan and sort the dictionary does. */
    @Benchmark
    public List<MedicineDictionary.Suggestion> suggestAfterOneLetter() {
        return dictionary.suggest("a", 10);
    }

    @Benchmark
    public List<MedicineDictionary.Suggestion> suggestAfterFourLetters() {
        return dictionary.suggest("karde", 10);
    }

    /** Three medicines, one the dictionary does not know (the slowest: every name is tried). */
    @Benchmark
    public List<IntakeDocument.Medication> classifyAnIntakesMedicines() {
        return medicines.stream().map(dictionary::classify).toList();
    }
}
