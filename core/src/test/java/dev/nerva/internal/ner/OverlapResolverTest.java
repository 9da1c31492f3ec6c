package dev.nerva.internal.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.Entity;
import dev.nerva.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

  private static Entity span(EntityType type, int start, int end, double confidence, String recognizer) {
    return new Entity(type, start, end, "x".repeat(end - start), confidence, recognizer);
  }

  @Test
  void longerSpanWinsOverShorterOverlappingOne() {
    Entity july2024 = span(EntityType.DATE, 10, 19, 0.6, "a");
    Entity july = span(EntityType.DATE, 10, 14, 0.99, "b");
    assertThat(OverlapResolver.resolve(List.of(july, july2024))).containsExactly(july2024);
  }

  @Test
  void equalLengthsAreDecidedByConfidenceThenStart() {
    Entity weak = span(EntityType.PERSON, 0, 5, 0.5, "a");
    Entity strong = span(EntityType.ORGANIZATION, 3, 8, 0.8, "a");
    assertThat(OverlapResolver.resolve(List.of(weak, strong))).containsExactly(strong);

    Entity first = span(EntityType.PERSON, 0, 5, 0.5, "a");
    Entity second = span(EntityType.PERSON, 3, 8, 0.5, "a");
    assertThat(OverlapResolver.resolve(List.of(second, first))).containsExactly(first);
  }

  @Test
  void touchingSpansBothSurviveInTextOrder() {
    Entity a = span(EntityType.PERSON, 5, 9, 0.5, "a");
    Entity b = span(EntityType.COUNTRY, 0, 5, 0.5, "a");
    assertThat(OverlapResolver.resolve(List.of(a, b))).containsExactly(b, a);
  }

  @Test
  void resultNeverOverlapsAndDoesNotDependOnInputOrder() {
    Random random = new Random(7);
    List<Entity> spans = new ArrayList<>();
    EntityType[] types = {EntityType.PERSON, EntityType.DATE, EntityType.LOCATION};
    for (int i = 0; i < 300; i++) {
      int start = random.nextInt(500);
      spans.add(span(types[random.nextInt(3)], start, start + 1 + random.nextInt(12),
          random.nextInt(10) / 10.0, "r" + random.nextInt(2)));
    }
    List<Entity> resolved = OverlapResolver.resolve(spans);
    for (int i = 1; i < resolved.size(); i++) {
      assertThat(resolved.get(i).start()).isGreaterThanOrEqualTo(resolved.get(i - 1).end());
    }
    List<Entity> shuffled = new ArrayList<>(spans);
    Collections.shuffle(shuffled, new Random(11));
    assertThat(OverlapResolver.resolve(shuffled)).isEqualTo(resolved);
  }
}
