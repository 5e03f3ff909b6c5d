// aw::call_failure_text: the error state's words are decided in the core, in the reader's language.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aw/api.hpp"

namespace aw {
namespace {

using nlohmann::json;

json text(const json& facts) { return json::parse(call_failure_text(facts.dump())); }

TEST(FailureText, OnlyJsonSyntaxIsNotJson) {
  json syntax = text({{"kind", "invalid"}, {"codes", {"json-syntax"}}});
  EXPECT_EQ(syntax["message"], "The article file is not valid JSON.");
  EXPECT_EQ(syntax["retry"], false);
  EXPECT_EQ(syntax["shown"], 1);
  // JSON the limits refuse is JSON: it has "a problem", not "not valid JSON".
  EXPECT_EQ(text({{"kind", "invalid"}, {"codes", {"json-too-deep"}}})["message"],
            "The article has a problem that must be fixed before it can be shown.");
}

TEST(FailureText, ManyProblemsListThreeAndCountTheRest) {
  json t = text({{"kind", "invalid"}, {"codes", {"missing-field", "wrong-type", "too-long", "invalid-slug", "invalid-date"}}});
  EXPECT_EQ(t["message"], "The article has 5 problems that must be fixed before it can be shown.");
  EXPECT_EQ(t["shown"], 3);
  EXPECT_EQ(t["more"], "…and 2 more (the browser console lists them all).");
  EXPECT_EQ(text({{"kind", "invalid"}, {"codes", {"a", "b", "c"}}})["more"], "");
}

TEST(FailureText, RetryOnlyWhereItCanHelp) {
  EXPECT_EQ(text({{"kind", "http"}, {"status", 404}})["retry"], false);
  EXPECT_EQ(text({{"kind", "http"}, {"status", 410}})["message"], "The article was not found (HTTP 410).");
  json busy = text({{"kind", "http"}, {"status", 503}});
  EXPECT_EQ(busy["retry"], true);
  EXPECT_EQ(busy["message"], "The server could not send the article (HTTP 503).");
  EXPECT_EQ(text({{"kind", "network"}})["retry"], true);
  EXPECT_EQ(text({{"kind", "timeout"}})["message"], "The article took too long to download.");
  EXPECT_EQ(text({{"kind", "stylesheet"}})["message"], "The article’s styles could not be loaded.");
}

TEST(FailureText, TheReadersLanguage) {
  // The first language with labels wins: an unknown article language falls to the page's.
  json es = text({{"kind", "network"}, {"lang", {"xx", "es-MX", "fr"}}});
  EXPECT_EQ(es["title"], "No se pudo mostrar este artículo");
  EXPECT_EQ(es["retryLabel"], "Reintentar");
  EXPECT_EQ(text({{"kind", "invalid"}, {"codes", {"a", "b"}}, {"lang", {"de"}}})["message"],
            "Der Artikel enthält 2 Probleme, die behoben werden müssen, bevor er angezeigt werden kann.");
  EXPECT_EQ(text({{"kind", "http"}, {"status", 404}, {"lang", {"he-IL"}}})["message"], "המאמר לא נמצא (HTTP 404).");
  EXPECT_EQ(text({{"kind", "network"}, {"lang", {"xx"}}})["retryLabel"], "Try again");
}

TEST(FailureText, AnythingElseIsStillAnAnswer) {
  for (const char* facts : {"", "not json", "[]", "{\"kind\":7,\"lang\":\"es\",\"codes\":{}}", "{\"kind\":\"render\"}"}) {
    json t = json::parse(call_failure_text(facts), nullptr, false);
    ASSERT_TRUE(t.is_object()) << facts;
    EXPECT_EQ(t["message"], "Something went wrong while showing the article.") << facts;
    EXPECT_EQ(t["retry"], true) << facts;
  }
}

}  // namespace
}  // namespace aw
