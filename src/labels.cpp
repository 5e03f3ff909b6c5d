#include "aw/labels.hpp"

#include <string>

#include "aw/escape.hpp"

namespace aw {
namespace {

const char* const kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};
const char* const kMonthsEs[] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                 "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
const char* const kMonthsFr[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsDe[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                 "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
const char* const kMonthsHe[] = {"ינואר", "פברואר", "מרץ",     "אפריל",  "מאי",     "יוני",
                                 "יולי",  "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"};

const Labels kLabels[] = {
    {"en", "Updated", "{n} min read", "By", "Reviewed by", "Published", "Spoiler Warning",
     "This article contains {level} spoilers for {subject}.", "This article contains {level} spoilers.", "minor",
     "major", "Show all spoilers", "Hide spoilers", "This section contains spoilers.",
     "This answer contains spoilers.", "Reveal", "Quick Answer", "Contents", "Drawing on", "and", true,
     "Continue reading", "Open", "Frequently Asked", "Sources", "Source {n}", "Back to citation {n}", "Close", "All spoilers shown.", "Spoilers hidden.", "Spoiler",
     kMonthsEn, "{month} {day}, {year}", "{month} {year}"},
    {"es", "Actualizado", "{n} min de lectura", "Por", "Revisado por", "Publicado", "Aviso de spoilers",
     "Este artículo contiene spoilers {level} de {subject}.", "Este artículo contiene spoilers {level}.", "menores",
     "importantes", "Mostrar todos los spoilers", "Ocultar spoilers", "Esta sección contiene spoilers.",
     "Esta respuesta contiene spoilers.", "Mostrar", "Respuesta rápida", "Contenido", "Basado en", "y", false,
     "Sigue leyendo", "Abrir", "Preguntas frecuentes", "Fuentes", "Fuente {n}", "Volver a la cita {n}", "Cerrar", "Todos los spoilers visibles.", "Spoilers ocultos.", "Spoiler",
     kMonthsEs, "{day} de {month} de {year}", "{month} de {year}"},
    {"fr", "Mis à jour", "{n} min de lecture", "Par", "Relu par", "Publié le", "Attention, spoilers",
     "Cet article contient des spoilers {level} sur {subject}.", "Cet article contient des spoilers {level}.",
     "mineurs", "majeurs", "Afficher tous les spoilers", "Masquer les spoilers",
     "Cette section contient des spoilers.", "Cette réponse contient des spoilers.", "Afficher",
     "Réponse rapide", "Sommaire", "D’après", "et", false, "Continuer la lecture", "Ouvrir",
     "Questions fréquentes", "Sources", "Source {n}", "Retour à la citation {n}", "Fermer", "Tous les spoilers sont affichés.", "Spoilers masqués.", "Spoiler", kMonthsFr,
     "{day} {month} {year}", "{month} {year}"},
    {"de", "Aktualisiert", "{n} Min. Lesezeit", "Von", "Geprüft von", "Veröffentlicht am", "Spoiler-Warnung",
     "Dieser Artikel enthält {level} Spoiler zu {subject}.", "Dieser Artikel enthält {level} Spoiler.", "kleinere",
     "große", "Alle Spoiler anzeigen", "Spoiler ausblenden", "Dieser Abschnitt enthält Spoiler.",
     "Diese Antwort enthält Spoiler.", "Anzeigen", "Kurze Antwort", "Inhalt", "Auf Grundlage von", "und", false,
     "Weiterlesen", "Öffnen", "Häufige Fragen", "Quellen", "Quelle {n}", "Zurück zu Zitat {n}", "Schließen", "Alle Spoiler angezeigt.", "Spoiler ausgeblendet.", "Spoiler",
     kMonthsDe, "{day}. {month} {year}", "{month} {year}"},
    {"he", "עודכן", "{n} דקות קריאה", "מאת", "נבדק על ידי", "פורסם", "אזהרת ספוילרים",
     "מאמר זה מכיל ספוילרים {level} על {subject}.", "מאמר זה מכיל ספוילרים {level}.", "קלים", "משמעותיים",
     "הצגת כל הספוילרים", "הסתרת הספוילרים", "פרק זה מכיל ספוילרים.", "תשובה זו מכילה ספוילרים.", "הצגה",
     "תשובה מהירה", "תוכן העניינים", "בהסתמך על", "ו", false, "להמשך קריאה", "פתיחה", "שאלות נפוצות", "מקורות",
     "מקור {n}", "חזרה לציטוט {n}", "סגירה", "כל הספוילרים מוצגים.", "הספוילרים הוסתרו.", "ספוילר", kMonthsHe, "{day} ב{month} {year}", "{month} {year}"},
};

std::string_view primary(std::string_view lang) {
  size_t dash = lang.find_first_of("-_");
  return dash == std::string_view::npos ? lang : lang.substr(0, dash);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

const Labels& labels_for(std::string_view lang) {
  std::string_view p = primary(lang);
  for (const auto& l : kLabels)
    if (iequals(p, l.lang)) return l;
  return kLabels[0];
}

namespace {
// Override key → member. One list, so the options parser, the docs test and with_overrides agree.
struct LabelField {
  std::string_view key;
  std::string_view Labels::*member;
};
const LabelField kFields[] = {
    {"updated", &Labels::updated},           {"readingTime", &Labels::reading_time},
    {"by", &Labels::by},                     {"reviewedBy", &Labels::reviewed_by},
    {"published", &Labels::published},       {"spoilerWarning", &Labels::spoiler_warning},
    {"revealAll", &Labels::reveal_all},      {"hideAll", &Labels::hide_all},
    {"gatedSection", &Labels::gated_section}, {"gatedAnswer", &Labels::gated_answer},
    {"reveal", &Labels::reveal_one},         {"quickAnswer", &Labels::quick_answer},
    {"contents", &Labels::contents},         {"drawingOn", &Labels::drawing_on},
    {"and", &Labels::and_},                  {"continueReading", &Labels::continue_reading},
    {"open", &Labels::open},                 {"faq", &Labels::faq},
    {"sources", &Labels::sources},           {"sourceN", &Labels::source_n},
    {"backToCitation", &Labels::back_to_citation}, {"close", &Labels::close},
    {"spoilersShown", &Labels::spoilers_shown},    {"spoilersHidden", &Labels::spoilers_hidden},
    {"spoiler", &Labels::inline_spoiler},
};
}  // namespace

const std::vector<std::string_view>& label_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> k;
    for (const auto& f : kFields) k.push_back(f.key);
    return k;
  }();
  return keys;
}

Labels with_overrides(const Labels& base, const std::map<std::string, std::string>& overrides) {
  Labels out = base;
  for (const auto& f : kFields) {
    auto it = overrides.find(std::string(f.key));
    if (it != overrides.end()) out.*(f.member) = it->second;
  }
  return out;
}

std::string shim_labels_json(const Labels& l) {
  // The words the browser shim writes itself (every other word is in the HTML already), sorted
  // by key like every JSON object the widget writes.
  static constexpr LabelField kShimFields[] = {
      {"close", &Labels::close},
      {"hideAll", &Labels::hide_all},
      {"sourceN", &Labels::source_n},
      {"spoilersHidden", &Labels::spoilers_hidden},
      {"spoilersShown", &Labels::spoilers_shown},
  };
  std::string out;
  for (const auto& f : kShimFields) {
    out += out.empty() ? "{\"" : ",\"";
    out.append(f.key).append("\":");
    escape_json_string(out, l.*(f.member));
  }
  out += '}';
  return out;
}

std::string fill(std::string_view pattern, std::string_view key, std::string_view value) {
  std::string out;
  std::string needle = "{" + std::string(key) + "}";
  size_t i = 0;
  for (;;) {
    size_t at = pattern.find(needle, i);
    if (at == std::string_view::npos) break;
    out.append(pattern.substr(i, at - i));
    out.append(value);
    i = at + needle.size();
  }
  out.append(pattern.substr(i));
  return out;
}

std::string format_date(const Labels& labels, std::string_view iso, bool month_only) {
  if (iso.size() < 7) return std::string(iso);
  std::string_view year = iso.substr(0, 4);
  int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  if (month < 1 || month > 12) return std::string(iso);
  std::string_view month_name = labels.months[month - 1];
  if (iso.size() < 10 || month_only) {
    return fill(fill(labels.date_month, "month", month_name), "year", year);
  }
  std::string day = std::to_string((iso[8] - '0') * 10 + (iso[9] - '0'));
  return fill(fill(fill(labels.date_full, "month", month_name), "day", day), "year", year);
}

std::string join_list(const Labels& labels, const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      bool last = i + 1 == items.size();
      if (!last) out += ", ";
      else if (items.size() > 2 && labels.serial_comma) out += ", " + std::string(labels.and_) + " ";
      else if (labels.lang == "he") out += " " + std::string(labels.and_);  // Hebrew prefixes "ו"
      else out += " " + std::string(labels.and_) + " ";
    }
    out += items[i];
  }
  return out;
}

bool is_rtl_language(std::string_view lang) {
  std::string_view p = primary(lang);
  for (std::string_view rtl : {"ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb"})
    if (iequals(p, rtl)) return true;
  return false;
}

}  // namespace aw
