import { useEffect, useRef, useState } from 'react';
import { fill } from '../i18n/format';
import { useMessages } from '../i18n/index';
import { uploadsMessages, type UploadsMessageKey } from '../i18n/uploads';

/** Why the camera did not start, as a catalogue key (plus the browser's words for the unexpected). */
function cameraProblem(error: unknown): { key: UploadsMessageKey; why?: string } {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return { key: 'webcamDenied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return { key: 'webcamNotFound' };
  return { key: 'webcamFailed', why: error instanceof Error ? error.message : String(error) };
}

/** Live camera preview and a capture button, where the browser allows getUserMedia (https or localhost). */
export function WebcamCapture({ onFrame, disabled }: { onFrame: (frame: ImageBitmap) => void; disabled: boolean }) {
  const t = useMessages(uploadsMessages);
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<{ key: UploadsMessageKey; why?: string } | null>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [stream]);
  const start = async () => {
    setProblem(null);
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setProblem({ key: 'webcamUnavailable' });
      return;
    }
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false }));
    } catch (error) {
      setProblem(cameraProblem(error));
    }
  };
  const capture = async () => {
    if (video.current && video.current.videoWidth > 0) onFrame(await createImageBitmap(video.current));
  };
  return (
    <div className="webcam">
      <div className="row">
        {stream ? (
          <>
            <button type="button" data-testid="webcam-capture" disabled={disabled} onClick={() => void capture()}>{t('webcamCapture')}</button>
            <button type="button" className="secondary" onClick={() => setStream(null)}>{t('webcamStop')}</button>
          </>
        ) : (
          <button type="button" className="secondary" data-testid="webcam-start" onClick={() => void start()}>{t('webcamStart')}</button>
        )}
      </div>
      {stream && <video ref={video} autoPlay playsInline muted className="webcam-video" />}
      {problem && <p className="error-text" role="alert" data-testid="webcam-message">{fill(t(problem.key), { why: problem.why ?? '' })}</p>}
    </div>
  );
}
