package dev.nerva.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nerva.train.OntoNotesCorpus;
import dev.nerva.train.OntoNotesCorpus.GoldDocument;
import java.nio.file.Paths;
import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

  @Test
  void rebuildsRawTextAndMovesGoldSpansToCharacterOffsets() throws Exception {
    List<GoldDocument> train = OntoNotesCorpus.read(OntoNotesCorpus.split(Paths.get("src/test/resources/tiny-corpus"), "train"));
    Detokenizer.RawDocument raw = Detokenizer.detokenize(train.get(1));
    assertThat(raw.text()).startsWith("Harrow Motors is based in Peru. The Andes cross Chile-wide regions.")
        .contains("She didn't stay (briefly).", "\"We will return,\" Berg said.");
    for (Span span : raw.spans()) {
      assertThat(raw.text().substring(span.getStart(), span.getEnd())).doesNotStartWith(" ").doesNotEndWith(" ");
    }
    assertThat(raw.spans()).extracting(s -> raw.text().substring(s.getStart(), s.getEnd()))
        .contains("Harrow Motors", "Peru", "Andes", "Chile", "5 June 2020", "Anna Keller", "Berg");
  }
}
