"""Read aloud: a "Listen" control that reads the page's main content with the browser's speech
synthesis in the page's language; absent without JavaScript; where the device has no voice for the
language it says so instead of reading with another language's voice. Headless Chromium may have
no voices at all, so a fake speechSynthesis (an init script) stands in for one with voices."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FAKE = """(() => {
  const voices = %s;
  window.__spoken = [];
  const fake = {
    getVoices: () => voices.map(lang => ({lang, name: "Fake " + lang, voiceURI: lang})),
    speak: u => window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.lang}),
    cancel: () => {}, addEventListener: () => {}, removeEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: fake, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();"""


def _fake(page, voices):
    import json

    page.add_init_script(FAKE % json.dumps(voices))


def test_without_javascript_there_is_no_control(new_page, live_server):
    page = new_page(javascript=False)
    page.goto(f"{live_server}/?lang=sv")
    assert not page.locator(".read-aloud").is_visible()


@pytest.mark.parametrize("lang, tag, voices", [("sv", "sv", ["en-US", "sv-SE"]), ("ar", "ar", ["ar-SA"]),
                                               ("prs", "prs", ["fa-AF"]), ("uk", "uk", ["uk-UA"])])
def test_listen_reads_the_main_text_in_the_page_language(new_page, live_server, check_a11y, lang, tag, voices):
    page = new_page()
    _fake(page, voices)
    page.goto(f"{live_server}/upptacka/?lang={lang}")
    control = page.locator(".read-aloud button")
    assert control.is_visible()
    check_a11y(page)
    heading = page.locator("main h1").inner_text().strip()
    control.click()
    page.wait_for_function("window.__spoken.length > 0")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0]["text"] == heading                                  # from the top of the main content
    assert all(s["lang"].lower().split("-")[0] in ({tag, "fa"} if tag == "prs" else {tag}) for s in spoken)
    assert not any(control.inner_text() in s["text"] for s in spoken)    # not the control itself
    assert page.locator(".read-aloud button").get_attribute("aria-pressed") == "true"


def test_no_voice_for_the_language_is_said_not_read_with_another(new_page, live_server, check_a11y):
    page = new_page()
    _fake(page, ["en-US", "sv-SE"])
    page.goto(f"{live_server}/?lang=ar")
    page.locator(".read-aloud button").click()
    status = page.locator(".read-aloud__status")
    status.wait_for()
    assert status.inner_text() == "لا يوجد على هذا الجهاز صوت لهذه اللغة، لذلك لا يمكن قراءة الصفحة بصوت عالٍ."
    assert page.evaluate("window.__spoken") == []
    check_a11y(page)


def test_headless_chromium_without_voices_says_so(new_page, live_server):
    """The real speechSynthesis of this Chromium: with no voice installed it says so; with one it speaks."""
    page = new_page()
    page.goto(f"{live_server}/?lang=sv")
    if not page.evaluate("'speechSynthesis' in window"):
        assert not page.locator(".read-aloud").is_visible()
        return
    page.locator(".read-aloud button").click()
    page.wait_for_timeout(1800)
    if page.evaluate("speechSynthesis.getVoices().some(v => v.lang.toLowerCase().startsWith('sv'))"):
        return
    assert page.locator(".read-aloud__status").inner_text().startswith("Den här enheten har ingen röst")
