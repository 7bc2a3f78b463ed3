package io.mpreg.admin.alert;

import static io.mpreg.admin.Fleets.fleet;
import static io.mpreg.admin.Fleets.member;
import static io.mpreg.admin.Fleets.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.admin.MutableClock;
import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.MemberStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AlertEngineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<Alert> notified = new CopyOnWriteArrayList<>();
    private final AlertNotifier collecting = alert -> Mono.fromRunnable(() -> notified.add(alert));

    private AlertEngine engine(AlertRule... rules) {
        return new AlertEngine(new AlertRules(List.of(rules)), clock, List.of(collecting), 5);
    }

    private FleetSnapshot withSecondMember(MemberStatus status) {
        ClusterReport report = report(List.of(member("a", MemberStatus.ALIVE), member("b", status)));
        return fleet("prod", report, clock.instant());
    }

    @Test
    void memberDownGoesPendingThenFiresAfterItsDurationThenResolves() {
        AlertEngine engine = engine(AlertRule.of("member-down", RuleKind.MEMBER_DOWN)
                .withFor(Duration.ofSeconds(30)).withSeverity(Severity.CRITICAL));

        assertThat(engine.evaluate(withSecondMember(MemberStatus.SUSPECT)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.state()).isEqualTo(AlertState.PENDING);
                    assertThat(alert.key()).isEqualTo("prod/b");
                    assertThat(alert.labels()).containsEntry("node", "b");
                });
        clock.advance(Duration.ofSeconds(29));
        assertThat(engine.evaluate(withSecondMember(MemberStatus.DEAD))).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.evaluate(withSecondMember(MemberStatus.DEAD)))
                .singleElement().extracting(Alert::state).isEqualTo(AlertState.FIRING);
        assertThat(engine.view().firing()).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(engine.evaluate(withSecondMember(MemberStatus.ALIVE)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
                    assertThat(alert.resolvedAt()).isEqualTo(clock.instant());
                    assertThat(alert.firedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:30Z"));
                });
        assertThat(engine.view().active()).isEmpty();
        assertThat(engine.view().history()).extracting(Alert::state)
                .containsExactly(AlertState.RESOLVED, AlertState.FIRING, AlertState.PENDING);
        assertThat(notified).extracting(Alert::state).containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    }

    @Test
    void aPendingAlertWhoseConditionClearsIsDroppedWithoutNotification() {
        AlertEngine engine = engine(AlertRule.of("member-down", RuleKind.MEMBER_DOWN).withFor(Duration.ofSeconds(30)));

        engine.evaluate(withSecondMember(MemberStatus.SUSPECT));
        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.evaluate(withSecondMember(MemberStatus.ALIVE))).isEmpty();

        assertThat(engine.view().active()).isEmpty();
        assertThat(notified).isEmpty();
    }

    @Test
    void aRuleWithoutDurationFiresAtOnce() {
        AlertEngine engine = engine(AlertRule.of("live", RuleKind.LIVE_MEMBERS_BELOW, Comparison.LT, 2));

        assertThat(engine.evaluate(withSecondMember(MemberStatus.DEAD)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.state()).isEqualTo(AlertState.FIRING);
                    assertThat(alert.key()).isEqualTo("prod");
                    assertThat(alert.value()).isEqualTo(1.0);
                });
    }

    @Test
    void deletingARuleResolvesItsFiringAlerts() {
        AlertRules rules = new AlertRules(List.of(AlertRule.of("member-down", RuleKind.MEMBER_DOWN)));
        AlertEngine engine = new AlertEngine(rules, clock, List.of(collecting), 5);
        engine.evaluate(withSecondMember(MemberStatus.DEAD));

        rules.delete("member-down");

        assertThat(engine.evaluate(withSecondMember(MemberStatus.DEAD)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
                    assertThat(alert.summary()).contains("was removed");
                });
    }

    @Test
    void historyKeepsOnlyTheNewestTransitions() {
        AlertEngine engine = engine(AlertRule.of("member-down", RuleKind.MEMBER_DOWN));
        for (int i = 0; i < 4; i++) {
            engine.evaluate(withSecondMember(MemberStatus.DEAD));
            clock.advance(Duration.ofSeconds(1));
            engine.evaluate(withSecondMember(MemberStatus.ALIVE));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(engine.view().history()).hasSize(5);
        assertThat(engine.view().history().get(0).state()).isEqualTo(AlertState.RESOLVED);
        assertThat(engine.view().history().get(0).resolvedAt()).isEqualTo(clock.instant().minusSeconds(1));
    }

    @Test
    void aFailingNotifierDoesNotStopTheOthers() {
        AlertNotifier failing = alert -> Mono.error(new IllegalStateException("receiver down"));
        AlertEngine engine = new AlertEngine(new AlertRules(List.of(AlertRule.of("down", RuleKind.MEMBER_DOWN))),
                clock, List.of(failing, collecting), 5);

        engine.evaluate(withSecondMember(MemberStatus.DEAD));

        assertThat(notified).singleElement().extracting(Alert::state).isEqualTo(AlertState.FIRING);
    }

    @Test
    void changesAreAnnouncedOnlyWhenSomethingChanged() {
        AlertEngine engine = engine(AlertRule.of("member-down", RuleKind.MEMBER_DOWN));
        List<AlertsView> announced = new CopyOnWriteArrayList<>();
        engine.changes().subscribe(announced::add);

        engine.evaluate(withSecondMember(MemberStatus.ALIVE));
        engine.evaluate(withSecondMember(MemberStatus.DEAD));
        engine.evaluate(withSecondMember(MemberStatus.DEAD));

        assertThat(announced).singleElement().satisfies(view -> assertThat(view.firing()).hasSize(1));
    }
}
