// Inline feedback: respond to a passage of the story, and read the responses to a highlighted passage.
// Offsets are UTF-16 code units of the text content of #story-body, skipping Byline's own additions
// ([data-passage-ui]), exactly as the server counts them (InlineFeedback/StoryText.cs).

const body = document.getElementById('story-body');
const form = document.querySelector('form#comment-form');
const CONTEXT = 32;
const MAX_QUOTE = 1000;

function isUi(node) {
    return node.nodeType === Node.ELEMENT_NODE && (node.hasAttribute('data-passage-ui') || node.localName === 'template');
}

// The story's text nodes in document order, each with the offset where it starts.
function textNodes() {
    const nodes = [];
    let offset = 0;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (isUi(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
            nodes.push({ node, start: offset });
            offset += node.data.length;
        }
    }
    return { nodes, text: nodes.map((n) => n.node.data).join('') };
}

// The text offset of a DOM boundary point (a selection's start or end).
function offsetOf(nodes, container, offset, total) {
    for (const entry of nodes) {
        if (entry.node === container) {
            return entry.start + offset;
        }
    }
    // An element boundary, or a point inside Byline's own additions: the first story text after the point.
    const point = document.createRange();
    point.setStart(container, offset);
    for (const entry of nodes) {
        if (point.comparePoint(entry.node, 0) >= 0) {
            return entry.start;
        }
    }
    return total;
}

function isInsidePair(text, offset) {
    const code = text.charCodeAt(offset);
    const before = text.charCodeAt(offset - 1);
    return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

// The passage under the current selection, trimmed of surrounding spaces; null when there is none in the story.
function selectedPassage() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return null;
    }
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== body) {
        return null;
    }
    const { nodes, text } = textNodes();
    let start = offsetOf(nodes, range.startContainer, range.startOffset, text.length);
    let end = offsetOf(nodes, range.endContainer, range.endOffset, text.length);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (isInsidePair(text, start)) start--;
    if (isInsidePair(text, end)) end++;
    if (start >= end) {
        return null;
    }
    // A selection that cuts a word takes the whole word, as readers mean it (not in scripts written without spaces).
    while (start > 0 && isWordPart(text[start - 1]) && isWordPart(text[start])) start--;
    while (end < text.length && isWordPart(text[end - 1]) && isWordPart(text[end])) end++;
    return passageAt(text, start, end);
}

function isWordPart(char) {
    return /[\p{L}\p{N}\p{M}]/u.test(char) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(char);
}

function passageAt(text, start, end) {
    // At most CONTEXT units, shrinking rather than splitting an emoji (as the server does).
    let prefixStart = Math.max(0, start - CONTEXT);
    if (isInsidePair(text, prefixStart)) prefixStart++;
    let suffixEnd = Math.min(text.length, end + CONTEXT);
    if (isInsidePair(text, suffixEnd)) suffixEnd--;
    return {
        exact: text.slice(start, end),
        prefix: text.slice(prefixStart, start),
        suffix: text.slice(end, suffixEnd),
        start,
        end,
    };
}

// ---------------------------------------------------------------- responding

let control = null;
let pending = null;

function hideControl() {
    control?.remove();
    pending = null;
}

function showControl(passage) {
    pending = passage;
    if (!control) {
        control = document.createElement('div');
        control.className = 'passage-control';
        control.setAttribute('data-passage-ui', '');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button passage-respond';
        button.textContent = 'Respond to this passage';
        button.addEventListener('click', () => {
            const passage = currentPassage();
            if (passage) {
                respond(passage);
            }
        });
        const note = document.createElement('span');
        note.className = 'passage-control-note';
        note.setAttribute('role', 'status');
        control.append(button, note);
    }
    const tooLong = passage.exact.length > MAX_QUOTE;
    control.querySelector('button').disabled = tooLong;
    control.querySelector('.passage-control-note').textContent = tooLong ? `Select at most ${MAX_QUOTE} characters.` : '';
    // Right after the paragraph (or other block) where the selection ends: near it, and next in the tab order.
    const selection = window.getSelection();
    let block = selection.focusNode instanceof Element ? selection.focusNode : selection.focusNode?.parentElement;
    while (block && block.parentElement !== body) {
        block = block.parentElement;
    }
    (block ?? body.lastChild)?.after(control);
}

// The passage as selected now: the debounced update may not have run since the last key or drag.
function currentPassage() {
    return selectedPassage() ?? pending;
}

// Tab from a live selection goes to its control. A mouse selection moves the browser's tab starting point to where
// it began, so the control (right after the block) comes next anyway; a keyboard selection (caret browsing) leaves
// focus on an ancestor such as <main>, and Tab would start again from the top of the page.
function tabToControl() {
    const selection = window.getSelection();
    const button = control?.querySelector('button');
    if (!pending || !button || button.disabled || !control.isConnected || control.contains(document.activeElement)
        || !selection || selection.isCollapsed || !body.contains(selection.focusNode)) {
        return false;
    }
    clearTimeout(timer);
    const passage = selectedPassage();
    if (passage) {
        showControl(passage);
    }
    if (button.disabled) {
        return false;
    }
    button.focus();
    return true;
}

function setField(name, value) {
    const field = form.elements.namedItem(name);
    if (field) {
        field.value = value ?? '';
    }
}

function respond(passage) {
    hideControl();
    // A reply in progress is abandoned: a response answers the passage, not a comment (discussion.js puts the form back).
    form.querySelector('button.cancel-reply:not([hidden])')?.click();
    setField('ParentId', '');
    setField('AnchorExact', passage.exact);
    setField('AnchorPrefix', passage.prefix);
    setField('AnchorSuffix', passage.suffix);
    setField('AnchorStart', String(passage.start));
    setField('AnchorEnd', String(passage.end));
    setField('AnchorRevision', body.dataset.revision);
    const box = document.getElementById('responding-to');
    box.querySelector('blockquote').textContent = passage.exact;
    box.hidden = false;
    ensureCancel(box);
    document.getElementById('comment-form-heading').textContent = 'Respond to a passage';
    form.scrollIntoView({ block: 'start' });
    form.elements.namedItem('Body').focus();
}

function ensureCancel(box) {
    if (box.querySelector('.cancel-passage')) {
        return;
    }
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button button-secondary cancel-passage';
    cancel.textContent = 'Respond to the whole story instead';
    cancel.addEventListener('click', clearPassage);
    box.append(cancel);
}

// Empties the form's passage fields and hides its quote.
function forgetPassage() {
    for (const name of ['AnchorExact', 'AnchorPrefix', 'AnchorSuffix', 'AnchorStart', 'AnchorEnd', 'AnchorRevision']) {
        setField(name, '');
    }
    const box = document.getElementById('responding-to');
    if (box) {
        box.hidden = true;
    }
}

function clearPassage() {
    forgetPassage();
    document.getElementById('comment-form-heading').textContent = 'Join the discussion';
    form.elements.namedItem('Body').focus();
}

let timer = 0;
function onSelectionChange() {
    clearTimeout(timer);
    timer = setTimeout(() => {
        const passage = selectedPassage();
        if (passage) {
            showControl(passage);
        } else if (!control?.contains(document.activeElement)) {
            hideControl();
        }
    }, 120);
}

// An author prompt's "Respond": the prompt's passage, exactly as marked by the writer.
function respondToPrompt(link) {
    const number = link.dataset.prompt;
    const span = body.querySelector(`.prompt-passage[data-prompt="${CSS.escape(number)}"]`);
    if (!span) {
        return false;
    }
    const { nodes, text } = textNodes();
    const inside = nodes.filter((entry) => span.contains(entry.node));
    if (inside.length === 0) {
        return false;
    }
    const last = inside[inside.length - 1];
    respond(passageAt(text, inside[0].start, last.start + last.node.data.length));
    return true;
}

// ---------------------------------------------------------------- reading responses

let popover = null;
let popoverOpener = null;

function closePopover() {
    if (!popover) {
        return;
    }
    popover.remove();
    popover = null;
    popoverOpener?.focus();
    popoverOpener = null;
}

function openPopover(key, opener) {
    const list = document.getElementById(`feedback-on-${key}`);
    if (!list) {
        return false;
    }
    closePopover();
    popover = document.createElement('div');
    popover.className = 'passage-popover';
    popover.setAttribute('role', 'dialog');
    popover.setAttribute('aria-label', 'Responses to this passage');
    popover.setAttribute('data-passage-ui', '');
    popover.tabIndex = -1;
    const content = list.cloneNode(true);
    content.removeAttribute('id');
    content.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
    content.querySelector('.passage-quote')?.remove();
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button button-secondary passage-popover-close';
    close.textContent = 'Close';
    close.addEventListener('click', closePopover);
    popover.append(content, close);
    popoverOpener = opener;
    let block = opener;
    while (block && block.parentElement !== body) {
        block = block.parentElement;
    }
    (block ?? body.lastChild).after(popover);
    popover.focus();
    return true;
}

if (body && form) {
    document.addEventListener('selectionchange', onSelectionChange);
    if (document.getElementById('responding-to')?.hidden === false) {
        ensureCancel(document.getElementById('responding-to'));
    }
}

if (body) {
    document.addEventListener('click', (event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        if (!(event.target instanceof Element)) {
            return;
        }
        const prompt = event.target.closest('a.author-prompt-respond');
        if (prompt && form && respondToPrompt(prompt)) {
            event.preventDefault();
            return;
        }
        const count = event.target.closest('a.passage-count');
        if (count && openPopover(count.dataset.passage, count)) {
            event.preventDefault();
            return;
        }
        const mark = event.target.closest('mark.passage');
        // A click that ends a selection is a selection, not a request for the responses.
        if (mark && window.getSelection()?.isCollapsed !== false) {
            const key = mark.dataset.passages.split(' ').pop();
            const opener = body.querySelector(`a.passage-count[data-passage="${CSS.escape(key)}"]`);
            openPopover(key, opener);
            return;
        }
        if (popover && !popover.contains(event.target)) {
            closePopover();
        }
    });
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
            closePopover();
            hideControl();
        } else if (event.key === 'Tab' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && tabToControl()) {
            event.preventDefault();
        }
    });
    // Starting a reply abandons a passage response (discussion.js moves the form).
    document.addEventListener('click', (event) => {
        if (form && event.target instanceof Element && event.target.closest('a.comment-reply[data-reply-to]')) {
            forgetPassage();
        }
    }, true);
}
