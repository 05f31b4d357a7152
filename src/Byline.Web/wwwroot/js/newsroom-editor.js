// Live preview for the story editor: as the writer types, the form is posted to the server, which renders it exactly
// as the public page would (same partial, same Markdown renderer and sanitizer), and the preview is replaced.
// Without this module the editor's "Preview" button does the same with a full page load.

const form = document.querySelector('form#story-editor[data-preview-url]');
const preview = document.getElementById('story-preview');
const status = document.getElementById('preview-status');
const delay = 400;

if (form && preview) {
    let timer = 0;
    let inFlight = null;
    let latest = 0;

    async function refresh() {
        const sequence = ++latest;
        inFlight?.abort();
        inFlight = new AbortController();
        const body = new FormData(form);
        preview.setAttribute('aria-busy', 'true');
        try {
            const response = await fetch(form.dataset.previewUrl, {
                method: 'POST',
                body,
                credentials: 'same-origin',
                headers: { RequestVerificationToken: body.get('__RequestVerificationToken') ?? '' },
                signal: inFlight.signal,
            });
            if (!response.ok) {
                throw new Error(`Preview: HTTP ${response.status}`);
            }
            const html = await response.text();
            // A slower, older answer must not replace a newer one.
            if (sequence !== latest) {
                return;
            }
            // A template parses without running anything (the HTML is sanitized on the server, and the CSP forbids inline script anyway).
            const template = document.createElement('template');
            template.innerHTML = html;
            preview.replaceChildren(template.content);
            status.textContent = '';
        } catch (error) {
            if (error.name !== 'AbortError' && sequence === latest) {
                status.textContent = 'The preview could not be updated; use the Preview button.';
            }
        } finally {
            if (sequence === latest) {
                preview.removeAttribute('aria-busy');
            }
        }
    }

    function schedule() {
        clearTimeout(timer);
        timer = setTimeout(refresh, delay);
    }

    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    preview.dataset.live = 'true';
}
