/**
 * A button that opens the file chooser (the input itself stays out of sight and out of the tab order: the button is
 * what keyboard and screen-reader users reach). One component for every picker of the pane and the page.
 */
import * as React from "react";
import { Button, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

export interface FilePickerProps {
  /** Button text. */
  label: string;
  /** Accessible name of the file input (what a screen reader and tests find it by). */
  pickLabel: string;
  accept: string;
  /** The chosen file; the input is cleared first, so choosing the same file again fires again. */
  onFile: (file: File | undefined) => void;
  disabled?: boolean;
  className?: string;
  /** data-testid of the input. */
  testId?: string;
}

export function FilePicker(props: FilePickerProps): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button className={props.className} onClick={() => input.current?.click()} disabled={props.disabled}>
        {props.label}
      </Button>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept={props.accept}
        aria-label={props.pickLabel}
        tabIndex={-1}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          props.onFile(file);
        }}
      />
    </>
  );
}
