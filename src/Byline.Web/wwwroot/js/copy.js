// Copy buttons for values shown once (a new API token). Without JavaScript the value stays selectable in its field.
for (const button of document.querySelectorAll('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy);
    const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
    if (!field) {
        continue;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
        field.select();
        try {
            await navigator.clipboard.writeText(field.value);
            if (status) {
                status.textContent = 'Copied to the clipboard.';
            }
        } catch {
            // No clipboard access (an insecure origin, a denied permission): the text is selected for a manual copy.
            if (status) {
                status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
            }
        }
    });
}
