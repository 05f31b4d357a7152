// "Edit" and "Delete" on the reader's own comments. The threads are the same HTML for every reader (shared page
// cache), so which comments are this reader's comes from /api/v1/me/comments, asked only when signed in.
// Without this module, /account/comments offers the same through plain links and forms.

const discussion = document.querySelector('section.discussion[data-article]');
const signedIn = document.body.dataset.signedIn === 'true';

const mine = new Map();
let status = null;

function announce(message) {
    if (!status) {
        status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        document.body.append(status);
    }
    status.textContent = '';
    // A fresh text node, a moment later, so screen readers announce a repeated message too.
    setTimeout(() => { status.textContent = message; }, 50);
}

async function problemOf(response) {
    try {
        const problem = await response.json();
        return problem.detail || problem.title || `HTTP ${response.status}`;
    } catch {
        return response.status === 401 ? 'Your session has ended. Sign in again.' : `Something went wrong (HTTP ${response.status}).`;
    }
}

function button(text, className, label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `link-button ${className}`;
    b.textContent = text;
    if (label) {
        b.setAttribute('aria-label', label);
    }
    return b;
}

function enhance(article) {
    const id = Number(article.id.replace('comment-', ''));
    const item = mine.get(id);
    const footer = article.querySelector(':scope > .comment-actions');
    if (!item || !footer || footer.querySelector('.own-comment-actions')) {
        return;
    }
    // Readers do not report themselves.
    footer.querySelector(':scope > .comment-report')?.remove();
    const actions = document.createElement('span');
    actions.className = 'own-comment-actions';
    if (item.editable) {
        const edit = button('Edit', 'own-comment-edit', 'Edit your comment');
        edit.addEventListener('click', () => startEdit(article, item, edit));
        actions.append(edit);
    }
    const del = button('Delete', 'own-comment-delete', 'Delete your comment');
    del.addEventListener('click', () => confirmDelete(article, item, del));
    actions.append(del);
    footer.append(actions);
}

function startEdit(article, item, editButton) {
    const body = article.querySelector(':scope > .comment-body');
    if (article.querySelector(':scope > .own-comment-editor')) {
        return;
    }
    const editor = document.createElement('div');
    editor.className = 'own-comment-editor';
    const fieldId = `edit-${item.id}`;
    editor.innerHTML = `<label class="visually-hidden" for="${fieldId}">Edit your comment</label>
        <textarea id="${fieldId}" rows="5" dir="auto" maxlength="40000"></textarea>
        <p class="field-error" id="${fieldId}-error" role="alert" hidden></p>
        <div class="own-comment-buttons"><button type="button" class="button own-comment-save">Save</button>
        <button type="button" class="button button-secondary own-comment-cancel">Cancel</button></div>`;
    const textarea = editor.querySelector('textarea');
    const error = editor.querySelector('.field-error');
    textarea.value = item.body;
    body.hidden = true;
    body.after(editor);
    textarea.focus();

    const close = () => {
        editor.remove();
        body.hidden = false;
        editButton.focus();
    };
    const fail = (message) => {
        error.textContent = message;
        error.hidden = false;
        textarea.setAttribute('aria-invalid', 'true');
        textarea.setAttribute('aria-describedby', error.id);
        textarea.focus();
    };
    editor.querySelector('.own-comment-cancel').addEventListener('click', close);
    textarea.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
            close();
        }
    });
    const save = editor.querySelector('.own-comment-save');
    save.addEventListener('click', async () => {
        save.disabled = true;
        try {
            const response = await fetch(`/api/v1/comments/${item.id}`, {
                method: 'PATCH',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                credentials: 'same-origin',
                body: JSON.stringify({ body: textarea.value }),
            });
            if (!response.ok) {
                fail(await problemOf(response));
                return;
            }
            const comment = await response.json();
            item.body = comment.body;
            if (comment.status !== 'approved') {
                editor.remove();
                body.hidden = false;
                body.textContent = 'Your edit is saved. A moderator will look at the comment before it is shown again.';
                article.querySelector('.own-comment-actions')?.remove();
                body.tabIndex = -1;
                body.focus();
                announce(body.textContent);
                return;
            }
            // The server's sanitized rendering of the text.
            body.innerHTML = comment.html;
            markEdited(article, comment.editedAt);
            close();
            announce('Your edit is saved.');
        } catch {
            fail('The edit could not be sent. Check your connection and try again.');
        } finally {
            save.disabled = false;
        }
    });
}

function markEdited(article, editedAt) {
    const meta = article.querySelector(':scope > .comment-meta');
    let marker = meta?.querySelector('.comment-edited');
    if (!meta) {
        return;
    }
    if (!marker) {
        marker = document.createElement('span');
        marker.className = 'comment-edited';
        meta.append(marker);
    }
    const time = document.createElement('time');
    time.dateTime = editedAt;
    time.title = `Edited ${new Date(editedAt).toLocaleString()}`;
    time.textContent = 'edited';
    marker.replaceChildren(time);
}

function confirmDelete(article, item, deleteButton) {
    const actions = deleteButton.closest('.own-comment-actions');
    if (actions.querySelector('.own-comment-confirm')) {
        return;
    }
    const confirm = document.createElement('span');
    confirm.className = 'own-comment-confirm';
    confirm.setAttribute('role', 'group');
    confirm.setAttribute('aria-label', 'Confirm deletion');
    confirm.innerHTML = '<span>Delete this comment for good?</span>';
    const yes = button('Yes, delete it', 'own-comment-delete-confirm');
    const no = button('Keep it', 'own-comment-delete-cancel');
    confirm.append(yes, no);
    deleteButton.hidden = true;
    actions.append(confirm);
    yes.focus();
    no.addEventListener('click', () => {
        confirm.remove();
        deleteButton.hidden = false;
        deleteButton.focus();
    });
    yes.addEventListener('click', async () => {
        yes.disabled = true;
        // The live feed may announce the deletion before this answer arrives: it leaves this comment to us.
        article.dataset.ownAction = 'deleting';
        const response = await fetch(`/api/v1/comments/${item.id}`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => null);
        if (!response || (!response.ok && response.status !== 404)) {
            delete article.dataset.ownAction;
            yes.disabled = false;
            announce(response ? await problemOf(response) : 'The comment could not be deleted. Try again.');
            return;
        }
        mine.delete(item.id);
        // What readers will see from now on: a placeholder that keeps the replies' place.
        const placeholder = document.createElement('p');
        placeholder.className = 'comment-placeholder';
        placeholder.textContent = '[deleted]';
        placeholder.tabIndex = -1;
        for (const child of [...article.children]) {
            if (!child.matches('ol.replies')) {
                child.remove();
            }
        }
        article.classList.add('comment-gone');
        article.removeAttribute('aria-labelledby');
        article.setAttribute('aria-label', 'Deleted comment');
        article.prepend(placeholder);
        placeholder.focus();
        announce('Your comment is deleted.');
    });
}

async function load(slug) {
    const response = await fetch(`/api/v1/me/comments?article=${encodeURIComponent(slug)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
    });
    if (!response.ok) {
        return;
    }
    const data = await response.json();
    for (const item of data.items) {
        mine.set(item.id, item);
    }
    document.querySelectorAll('article.comment[id^="comment-"]:not(.comment-gone)').forEach(enhance);
    // Threads loaded later ("More comments"), and comments the live feed inserts or replaces, are enhanced as they arrive.
    const threads = document.getElementById('threads');
    if (threads) {
        new MutationObserver(() => threads.querySelectorAll('article.comment:not(.comment-gone)').forEach(enhance))
            .observe(threads, { childList: true, subtree: true });
    }
}

if (signedIn && discussion) {
    load(discussion.dataset.article).catch(() => { /* The controls are an enhancement; /account/comments remains. */ });
}
