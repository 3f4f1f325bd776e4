// Copy text to the clipboard from a click, in the browser. The async Clipboard API first; where it
// is missing or refused (an http page, a denied permission, an old browser), the text is selected
// in a field and copied the old way, and left selected so Ctrl+C / ⌘C still works.

/**
 * True when the text reached the clipboard. `field`, when given, holds the same text and is the
 * one selected on the fallback path; otherwise a hidden one is made for the moment.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, document not focused): try the selection below.
    }
  }
  const own = field ?? hiddenField(text);
  try {
    own.focus({ preventScroll: true });
    own.select();
    // Deprecated, but the only copy a browser still honours without the Clipboard API.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    if (!field) own.remove();
  }
}

function hiddenField(text: string): HTMLTextAreaElement {
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  document.body.append(area);
  return area;
}
