#include "aw/labels.hpp"

#include <algorithm>
#include <iterator>
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
const char* const kMonthsHe[] = {"ינואר", "פברואר", "מרץ",    "אפריל",   "מאי",    "יוני",
                                 "יולי",  "אוגוסט", "ספטמבר", "אוקטובר", "נובמבר", "דצמבר"};

const Labels kLabels[] = {
    {
        .lang = "en",
        .updated = "Updated",
        .reading_time = "{n} min read",
        .by = "By",
        .reviewed_by = "Reviewed by",
        .published = "Published",
        .spoiler_warning = "Spoiler Warning",
        .spoiler_default = "This article contains {level} spoilers for {subject}.",
        .spoiler_default_nosubject = "This article contains {level} spoilers.",
        .level_minor = "minor",
        .level_major = "major",
        .reveal_all = "Show all spoilers",
        .hide_all = "Hide spoilers",
        .gated_section = "This section contains spoilers.",
        .gated_answer = "This answer contains spoilers.",
        .reveal_one = "Reveal",
        .quick_answer = "Quick Answer",
        .contents = "Contents",
        .drawing_on = "Drawing on",
        .and_ = "and",
        .serial_comma = true,
        .continue_reading = "Continue reading",
        .open = "Open",
        .faq = "Frequently Asked",
        .sources = "Sources",
        .source_n = "Source {n}",
        .back_to_citation = "Back to citation {n}",
        .close = "Close",
        .spoilers_shown = "All spoilers shown.",
        .spoilers_hidden = "Spoilers hidden.",
        .inline_spoiler = "Spoiler",
        .gated_figure = "This image contains spoilers.",
        .gated_video = "This video contains spoilers.",
        .gated_quote = "This quote contains spoilers.",
        .notes = "Notes",
        .note_n = "Note {n}",
        .play_video = "Play video: {title}",
        .watch_video = "Watch “{title}” on {provider}",
        .failure_title = "This article could not be displayed",
        .failure_network = "The article could not be downloaded. Check your connection and try again.",
        .failure_timeout = "The article took too long to download.",
        .failure_not_found = "The article was not found (HTTP {status}).",
        .failure_http = "The server could not send the article (HTTP {status}).",
        .failure_stylesheet = "The article’s styles could not be loaded.",
        .failure_not_json = "The article file is not valid JSON.",
        .failure_invalid_one = "The article has a problem that must be fixed before it can be shown.",
        .failure_invalid_many = "The article has {n} problems that must be fixed before it can be shown.",
        .failure_more = "…and {n} more (the browser console lists them all).",
        .failure_unexpected = "Something went wrong while showing the article.",
        .try_again = "Try again",
        .months = kMonthsEn,
        .date_full = "{month} {day}, {year}",
        .date_month = "{month} {year}",
    },
    {
        .lang = "es",
        .updated = "Actualizado",
        .reading_time = "{n} min de lectura",
        .by = "Por",
        .reviewed_by = "Revisado por",
        .published = "Publicado",
        .spoiler_warning = "Aviso de spoilers",
        .spoiler_default = "Este artículo contiene spoilers {level} de {subject}.",
        .spoiler_default_nosubject = "Este artículo contiene spoilers {level}.",
        .level_minor = "menores",
        .level_major = "importantes",
        .reveal_all = "Mostrar todos los spoilers",
        .hide_all = "Ocultar spoilers",
        .gated_section = "Esta sección contiene spoilers.",
        .gated_answer = "Esta respuesta contiene spoilers.",
        .reveal_one = "Mostrar",
        .quick_answer = "Respuesta rápida",
        .contents = "Contenido",
        .drawing_on = "Basado en",
        .and_ = "y",
        .serial_comma = false,
        .continue_reading = "Sigue leyendo",
        .open = "Abrir",
        .faq = "Preguntas frecuentes",
        .sources = "Fuentes",
        .source_n = "Fuente {n}",
        .back_to_citation = "Volver a la cita {n}",
        .close = "Cerrar",
        .spoilers_shown = "Todos los spoilers visibles.",
        .spoilers_hidden = "Spoilers ocultos.",
        .inline_spoiler = "Spoiler",
        .gated_figure = "Esta imagen contiene spoilers.",
        .gated_video = "Este vídeo contiene spoilers.",
        .gated_quote = "Esta cita contiene spoilers.",
        .notes = "Notas",
        .note_n = "Nota {n}",
        .play_video = "Reproducir vídeo: {title}",
        .watch_video = "Ver «{title}» en {provider}",
        .failure_title = "No se pudo mostrar este artículo",
        .failure_network = "No se pudo descargar el artículo. Comprueba tu conexión e inténtalo de nuevo.",
        .failure_timeout = "El artículo tardó demasiado en descargarse.",
        .failure_not_found = "No se encontró el artículo (HTTP {status}).",
        .failure_http = "El servidor no pudo enviar el artículo (HTTP {status}).",
        .failure_stylesheet = "No se pudieron cargar los estilos del artículo.",
        .failure_not_json = "El archivo del artículo no es JSON válido.",
        .failure_invalid_one = "El artículo tiene un problema que debe corregirse antes de poder mostrarse.",
        .failure_invalid_many = "El artículo tiene {n} problemas que deben corregirse antes de poder mostrarse.",
        .failure_more = "…y {n} más (la consola del navegador los muestra todos).",
        .failure_unexpected = "Algo salió mal al mostrar el artículo.",
        .try_again = "Reintentar",
        .months = kMonthsEs,
        .date_full = "{day} de {month} de {year}",
        .date_month = "{month} de {year}",
    },
    {
        .lang = "fr",
        .updated = "Mis à jour",
        .reading_time = "{n} min de lecture",
        .by = "Par",
        .reviewed_by = "Relu par",
        .published = "Publié le",
        .spoiler_warning = "Attention, spoilers",
        .spoiler_default = "Cet article contient des spoilers {level} sur {subject}.",
        .spoiler_default_nosubject = "Cet article contient des spoilers {level}.",
        .level_minor = "mineurs",
        .level_major = "majeurs",
        .reveal_all = "Afficher tous les spoilers",
        .hide_all = "Masquer les spoilers",
        .gated_section = "Cette section contient des spoilers.",
        .gated_answer = "Cette réponse contient des spoilers.",
        .reveal_one = "Afficher",
        .quick_answer = "Réponse rapide",
        .contents = "Sommaire",
        .drawing_on = "D’après",
        .and_ = "et",
        .serial_comma = false,
        .continue_reading = "Continuer la lecture",
        .open = "Ouvrir",
        .faq = "Questions fréquentes",
        .sources = "Sources",
        .source_n = "Source {n}",
        .back_to_citation = "Retour à la citation {n}",
        .close = "Fermer",
        .spoilers_shown = "Tous les spoilers sont affichés.",
        .spoilers_hidden = "Spoilers masqués.",
        .inline_spoiler = "Spoiler",
        .gated_figure = "Cette image contient des spoilers.",
        .gated_video = "Cette vidéo contient des spoilers.",
        .gated_quote = "Cette citation contient des spoilers.",
        .notes = "Notes",
        .note_n = "Note {n}",
        .play_video = "Lire la vidéo : {title}",
        .watch_video = "Regarder « {title} » sur {provider}",
        .failure_title = "Impossible d’afficher cet article",
        .failure_network = "L’article n’a pas pu être téléchargé. Vérifiez votre connexion et réessayez.",
        .failure_timeout = "Le téléchargement de l’article a pris trop de temps.",
        .failure_not_found = "L’article est introuvable (HTTP {status}).",
        .failure_http = "Le serveur n’a pas pu envoyer l’article (HTTP {status}).",
        .failure_stylesheet = "Les styles de l’article n’ont pas pu être chargés.",
        .failure_not_json = "Le fichier de l’article n’est pas du JSON valide.",
        .failure_invalid_one = "L’article comporte un problème à corriger avant de pouvoir être affiché.",
        .failure_invalid_many = "L’article comporte {n} problèmes à corriger avant de pouvoir être affiché.",
        .failure_more = "…et {n} de plus (la console du navigateur les liste tous).",
        .failure_unexpected = "Une erreur s’est produite lors de l’affichage de l’article.",
        .try_again = "Réessayer",
        .months = kMonthsFr,
        .date_full = "{day} {month} {year}",
        .date_month = "{month} {year}",
    },
    {
        .lang = "de",
        .updated = "Aktualisiert",
        .reading_time = "{n} Min. Lesezeit",
        .by = "Von",
        .reviewed_by = "Geprüft von",
        .published = "Veröffentlicht am",
        .spoiler_warning = "Spoiler-Warnung",
        .spoiler_default = "Dieser Artikel enthält {level} Spoiler zu {subject}.",
        .spoiler_default_nosubject = "Dieser Artikel enthält {level} Spoiler.",
        .level_minor = "kleinere",
        .level_major = "große",
        .reveal_all = "Alle Spoiler anzeigen",
        .hide_all = "Spoiler ausblenden",
        .gated_section = "Dieser Abschnitt enthält Spoiler.",
        .gated_answer = "Diese Antwort enthält Spoiler.",
        .reveal_one = "Anzeigen",
        .quick_answer = "Kurze Antwort",
        .contents = "Inhalt",
        .drawing_on = "Auf Grundlage von",
        .and_ = "und",
        .serial_comma = false,
        .continue_reading = "Weiterlesen",
        .open = "Öffnen",
        .faq = "Häufige Fragen",
        .sources = "Quellen",
        .source_n = "Quelle {n}",
        .back_to_citation = "Zurück zu Zitat {n}",
        .close = "Schließen",
        .spoilers_shown = "Alle Spoiler angezeigt.",
        .spoilers_hidden = "Spoiler ausgeblendet.",
        .inline_spoiler = "Spoiler",
        .gated_figure = "Dieses Bild enthält Spoiler.",
        .gated_video = "Dieses Video enthält Spoiler.",
        .gated_quote = "Dieses Zitat enthält Spoiler.",
        .notes = "Anmerkungen",
        .note_n = "Anmerkung {n}",
        .play_video = "Video abspielen: {title}",
        .watch_video = "„{title}“ auf {provider} ansehen",
        .failure_title = "Dieser Artikel konnte nicht angezeigt werden",
        .failure_network = "Der Artikel konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
        .failure_timeout = "Das Laden des Artikels hat zu lange gedauert.",
        .failure_not_found = "Der Artikel wurde nicht gefunden (HTTP {status}).",
        .failure_http = "Der Server konnte den Artikel nicht senden (HTTP {status}).",
        .failure_stylesheet = "Die Stile des Artikels konnten nicht geladen werden.",
        .failure_not_json = "Die Artikeldatei ist kein gültiges JSON.",
        .failure_invalid_one = "Der Artikel enthält ein Problem, das behoben werden muss, bevor er angezeigt werden kann.",
        .failure_invalid_many = "Der Artikel enthält {n} Probleme, die behoben werden müssen, bevor er angezeigt werden kann.",
        .failure_more = "…und {n} weitere (die Browserkonsole listet alle auf).",
        .failure_unexpected = "Beim Anzeigen des Artikels ist ein Fehler aufgetreten.",
        .try_again = "Erneut versuchen",
        .months = kMonthsDe,
        .date_full = "{day}. {month} {year}",
        .date_month = "{month} {year}",
    },
    {
        .lang = "he",
        .updated = "עודכן",
        .reading_time = "{n} דקות קריאה",
        .by = "מאת",
        .reviewed_by = "נבדק על ידי",
        .published = "פורסם",
        .spoiler_warning = "אזהרת ספוילרים",
        .spoiler_default = "מאמר זה מכיל ספוילרים {level} על {subject}.",
        .spoiler_default_nosubject = "מאמר זה מכיל ספוילרים {level}.",
        .level_minor = "קלים",
        .level_major = "משמעותיים",
        .reveal_all = "הצגת כל הספוילרים",
        .hide_all = "הסתרת הספוילרים",
        .gated_section = "פרק זה מכיל ספוילרים.",
        .gated_answer = "תשובה זו מכילה ספוילרים.",
        .reveal_one = "הצגה",
        .quick_answer = "תשובה מהירה",
        .contents = "תוכן העניינים",
        .drawing_on = "בהסתמך על",
        .and_ = "ו",
        .serial_comma = false,
        .continue_reading = "להמשך קריאה",
        .open = "פתיחה",
        .faq = "שאלות נפוצות",
        .sources = "מקורות",
        .source_n = "מקור {n}",
        .back_to_citation = "חזרה לציטוט {n}",
        .close = "סגירה",
        .spoilers_shown = "כל הספוילרים מוצגים.",
        .spoilers_hidden = "הספוילרים הוסתרו.",
        .inline_spoiler = "ספוילר",
        .gated_figure = "תמונה זו מכילה ספוילרים.",
        .gated_video = "סרטון זה מכיל ספוילרים.",
        .gated_quote = "ציטוט זה מכיל ספוילרים.",
        .notes = "הערות",
        .note_n = "הערה {n}",
        .play_video = "הפעלת הסרטון: {title}",
        .watch_video = "לצפייה ב„{title}” ב־{provider}",
        .failure_title = "לא ניתן היה להציג את המאמר",
        .failure_network = "לא ניתן היה להוריד את המאמר. בדקו את החיבור ונסו שוב.",
        .failure_timeout = "הורדת המאמר ארכה זמן רב מדי.",
        .failure_not_found = "המאמר לא נמצא (HTTP {status}).",
        .failure_http = "השרת לא הצליח לשלוח את המאמר (HTTP {status}).",
        .failure_stylesheet = "לא ניתן היה לטעון את העיצוב של המאמר.",
        .failure_not_json = "קובץ המאמר אינו JSON תקין.",
        .failure_invalid_one = "במאמר יש בעיה שיש לתקן לפני שניתן להציגו.",
        .failure_invalid_many = "במאמר יש {n} בעיות שיש לתקן לפני שניתן להציגו.",
        .failure_more = "…ועוד {n} (מסוף הדפדפן מציג את כולן).",
        .failure_unexpected = "משהו השתבש בהצגת המאמר.",
        .try_again = "ניסיון נוסף",
        .months = kMonthsHe,
        .date_full = "{day} ב{month} {year}",
        .date_month = "{month} {year}",
    },
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

bool has_labels(std::string_view lang) {
  std::string_view p = primary(lang);
  return std::any_of(std::begin(kLabels), std::end(kLabels), [&](const Labels& l) { return iequals(p, l.lang); });
}

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
    {"updated", &Labels::updated},
    {"readingTime", &Labels::reading_time},
    {"by", &Labels::by},
    {"reviewedBy", &Labels::reviewed_by},
    {"published", &Labels::published},
    {"spoilerWarning", &Labels::spoiler_warning},
    {"revealAll", &Labels::reveal_all},
    {"hideAll", &Labels::hide_all},
    {"gatedSection", &Labels::gated_section},
    {"gatedAnswer", &Labels::gated_answer},
    {"reveal", &Labels::reveal_one},
    {"quickAnswer", &Labels::quick_answer},
    {"contents", &Labels::contents},
    {"drawingOn", &Labels::drawing_on},
    {"and", &Labels::and_},
    {"continueReading", &Labels::continue_reading},
    {"open", &Labels::open},
    {"faq", &Labels::faq},
    {"sources", &Labels::sources},
    {"sourceN", &Labels::source_n},
    {"backToCitation", &Labels::back_to_citation},
    {"close", &Labels::close},
    {"spoilersShown", &Labels::spoilers_shown},
    {"spoilersHidden", &Labels::spoilers_hidden},
    {"spoiler", &Labels::inline_spoiler},
    {"gatedFigure", &Labels::gated_figure},
    {"gatedVideo", &Labels::gated_video},
    {"gatedQuote", &Labels::gated_quote},
    {"notes", &Labels::notes},
    {"noteN", &Labels::note_n},
    {"playVideo", &Labels::play_video},
    {"watchVideo", &Labels::watch_video},
};
}  // namespace

std::string_view label_text(const Labels& labels, std::string_view key) {
  for (const auto& f : kFields)
    if (f.key == key) return labels.*(f.member);
  return {};
}

std::vector<std::string_view> languages_with_labels() {
  std::vector<std::string_view> out;
  for (const auto& l : kLabels) out.push_back(l.lang);
  return out;
}

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
  static constexpr std::string_view kShimKeys[] = {"close", "hideAll", "spoilersHidden", "spoilersShown"};
  std::string out;
  for (std::string_view key : kShimKeys) {
    out += out.empty() ? "{\"" : ",\"";
    out.append(key).append("\":");
    escape_json_string(out, label_text(l, key));
  }
  out += '}';
  return out;
}

std::string fill(std::string_view pattern, std::string_view key, std::string_view value) {
  std::string out;
  out.reserve(pattern.size() + value.size());
  size_t i = 0;  // pattern[i..] is not written yet
  for (size_t at = pattern.find('{'); at != std::string_view::npos; at = pattern.find('{', at + 1)) {
    const size_t close = at + 1 + key.size();
    if (close < pattern.size() && pattern[close] == '}' && pattern.substr(at + 1, key.size()) == key) {
      out.append(pattern.substr(i, at - i)).append(value);
      i = close + 1;
      at = close;
    }
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
      if (!last)
        out += ", ";
      else if (items.size() > 2 && labels.serial_comma)
        out += ", " + std::string(labels.and_) + " ";
      else if (labels.lang == "he")
        out += " " + std::string(labels.and_);  // Hebrew prefixes "ו"
      else
        out += " " + std::string(labels.and_) + " ";
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
