// The image library: refuses an over-large file before it is sent (the server refuses it too, but only after the
// upload), and adds a Copy button beside each Markdown snippet. Without JavaScript the page works the same, minus these.

const form = document.querySelector("form.media-upload");
if (form) {
    const input = form.querySelector("input[type=file]");
    const maxBytes = Number(form.dataset.maxBytes);
    const message = form.dataset.tooLarge;

    const showError = (text) => {
        let error = document.getElementById("image-file-error");
        if (!text) {
            error?.remove();
            input.setAttribute("aria-invalid", "false");
            input.setAttribute("aria-describedby", "image-file-help");
            return;
        }
        if (!error) {
            error = document.createElement("p");
            error.id = "image-file-error";
            error.className = "field-error";
            error.setAttribute("role", "alert");
            input.closest(".field").append(error);
        }
        error.textContent = text;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", "image-file-help image-file-error");
    };

    const tooLarge = () => input.files.length > 0 && input.files[0].size > maxBytes;

    input.addEventListener("change", () => showError(tooLarge() ? message : null));
    form.addEventListener("submit", (event) => {
        if (tooLarge()) {
            event.preventDefault();
            showError(message);
            input.focus();
        }
    });
}

for (const snippet of document.querySelectorAll("input.media-snippet")) {
    const row = document.createElement("div");
    row.className = "media-snippet-row";
    snippet.replaceWith(row);
    row.append(snippet);

    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary media-copy";
    button.textContent = "Copy";
    button.addEventListener("click", async () => {
        snippet.select();
        try {
            await navigator.clipboard.writeText(snippet.value);
            button.textContent = "Copied";
        } catch {
            // The text stays selected for Ctrl+C.
            button.textContent = "Press Ctrl+C";
        }
        setTimeout(() => { button.textContent = "Copy"; }, 2000);
    });
    row.append(button);
}
