import { clip } from '../format.ts';

interface Props {
  text: string;
  /** Characters shown before the ellipsis; CSS may clip earlier to fit the width. */
  max?: number;
  class?: string;
}

/** Untrusted or long text as a text node, shortened, with the whole value as its tooltip. */
export function ClippedText({ text, max = 80, class: className }: Props) {
  return (
    <span class={className ? `clip ${className}` : 'clip'} title={text}>
      {clip(text, max)}
    </span>
  );
}
