package org.follicle.intake.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.follicle.intake.Modality;
import org.follicle.intake.ScreeningResult;
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
 * The screening engine's throughput on one core (the Performance issue's target: 200,000 evaluations per second per
 * core): every rule of knowledge/screening-rules.json against a healthy intake (all rules evaluated, none firing) and
 * against an intake that fires several (a medicine in its washout, an allergy to a formula's ingredient, a deferral).
 * Run it as docs/performance.md says ("Benchmarks"); it is not part of the build's tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScreeningBenchmark {

    private static final LocalDate SESSION = LocalDate.of(2026, 11, 21);

    private ScreeningEngine engine;

    private ScreeningFacts healthy;

    private ScreeningFacts complicated;

    @Setup
    public void load() {
        Questionnaire questionnaire = KnowledgeLoader.questionnaire("knowledge/intake-questionnaire.json");
        engine = new ScreeningEngine(KnowledgeLoader.rules("knowledge/screening-rules.json", questionnaire),
                questionnaire);
        healthy = new ScreeningFacts(IntakeFixture.healthy(questionnaire).document(), LocalDate.of(1985, 6, 15),
                org.follicle.patients.Sex.FEMALE, SESSION, Set.of("BIOTIN", "DUTASTERIDE"));
        complicated = new ScreeningFacts(IntakeFixture.healthy(questionnaire)
                .medication("NSAID", false, SESSION.minusDays(2)).answer("medicalHistory.tobacco", "YES")
                .answer("allergies.otherIngredients", "lidocaine").document(), LocalDate.of(1985, 6, 15),
                org.follicle.patients.Sex.FEMALE, SESSION, Set.of("LIDOCAINE", "DUTASTERIDE"));
    }

    @Benchmark
    public ScreeningResult healthyPatientForMesotherapy() {
        return engine.screen(healthy, ScreeningSettings.DEFAULTS, Modality.MESOTHERAPY);
    }

    @Benchmark
    public ScreeningResult patientWithFindingsForPrp() {
        return engine.screen(complicated, ScreeningSettings.DEFAULTS, Modality.PRP);
    }
}
