import { Highlight, themes } from 'prism-react-renderer';
import { memo } from 'react';

/**
 * Python source, highlighted by Prism (prism-react-renderer renders its tokens as React elements, so no
 * HTML is injected) in a scrollable block the user can select and copy from.
 */
export const CodeView = memo(function CodeView({ code, label }: { code: string; label: string }) {
  return (
    <Highlight code={code} language="python" theme={themes.github}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`${className} keras-code`} style={style} data-testid="keras-code" aria-label={label} tabIndex={0}>
          {tokens.map((line, i) => (
            <div key={i} {...getLineProps({ line })}>
              {line.map((token, j) => (
                <span key={j} {...getTokenProps({ token })} />
              ))}
            </div>
          ))}
        </pre>
      )}
    </Highlight>
  );
});
