// Discussion enhancements: reply in place and load more threads without leaving the story.
// Every link keeps a real href, so without this module (or when a fetch fails) the server pages do the job.

const form = document.querySelector('form#comment-form');
const heading = document.getElementById('comment-form-heading');
const defaultHeading = 'Join the discussion';

// A marker where the form was rendered, so "Cancel reply" can put it back exactly there.
const home = document.createComment('comment-form home');
form?.before(home);

let cancelButton = null;
let openedBy = null;

function ensureCancelButton() {
    if (!cancelButton) {
        cancelButton = document.createElement('button');
        cancelButton.type = 'button';
        cancelButton.className = 'button button-secondary cancel-reply';
        cancelButton.textContent = 'Cancel reply';
        cancelButton.addEventListener('click', cancelReply);
        form.querySelector('[type="submit"]').after(cancelButton);
    }
    return cancelButton;
}

function startReply(link) {
    // Inside the comment, right after its actions, so the form sits above the existing replies.
    const actions = link.closest('.comment-actions') ?? link.closest('article.comment');
    actions.after(form);
    form.elements.namedItem('ParentId').value = link.dataset.replyTo;
    heading.textContent = `Reply to ${link.dataset.author}`;
    ensureCancelButton().hidden = false;
    openedBy = link;
    form.elements.namedItem('Body').focus();
}

function cancelReply() {
    home.after(form);
    form.elements.namedItem('ParentId').value = '';
    heading.textContent = defaultHeading;
    cancelButton.hidden = true;
    // Return keyboard users to where they were, if that Reply link is still on the page.
    if (openedBy?.isConnected) {
        openedBy.focus();
    } else {
        form.elements.namedItem('Body').focus();
    }
    openedBy = null;
}

async function loadMore(link) {
    const list = document.getElementById('threads');
    const pager = link.closest('.pager');
    if (link.getAttribute('aria-busy') === 'true') {
        return;
    }
    link.setAttribute('aria-busy', 'true');
    try {
        const response = await fetch(link.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) {
            throw new Error(`More comments: HTTP ${response.status}`);
        }
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        // A comment posted meanwhile can shift page boundaries; never show the same thread twice.
        const items = [...page.querySelectorAll('#threads > li')]
            .filter((item) => {
                const id = item.querySelector('article.comment')?.id;
                return !id || !document.getElementById(id);
            });
        list.append(...items);
        const nextPager = page.querySelector('a.more-comments')?.closest('.pager');
        if (nextPager) {
            pager.replaceWith(document.adoptNode(nextPager));
        } else {
            pager.remove();
        }
        // Focus lands on the first new comment so keyboard and screen-reader users continue from there.
        const first = items[0]?.querySelector('article.comment');
        if (first) {
            first.tabIndex = -1;
            first.focus();
        }
    } catch {
        window.location.assign(link.href);
    }
}

// Delegated on document so links in threads appended later work too.
document.addEventListener('click', (event) => {
    // Leave modified clicks alone: they open the link in a new tab or window.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
    }
    if (!(event.target instanceof Element)) {
        return;
    }
    const reply = event.target.closest('a.comment-reply[data-reply-to]');
    if (reply && form && heading) {
        event.preventDefault();
        startReply(reply);
        return;
    }
    const more = event.target.closest('a.more-comments');
    if (more && document.getElementById('threads') && new URL(more.href).origin === window.location.origin) {
        event.preventDefault();
        loadMore(more);
    }
});
