//! Serving the router on a TCP listener, with bounds on what one client can hold.
//!
//! `axum::serve` sets no header-read timeout, no limit on the header buffer and no connection
//! cap, so slow clients could hold the server: a half-sent request or an idle keep-alive stayed
//! open for ever, 2,000 connections with 350 KB of unfinished headers took 800 MB, and 1,100 slow
//! connections used up the process's 1,024 files and locked everyone out (issue 14). This accept
//! loop serves each connection with hyper's HTTP/1 builder (HTTP/1 only, as `axum::serve` did
//! with axum's default features) and bounds it (see [`Limits`]):
//!
//! - the request head (request line and headers) must arrive within the header timeout, counted
//!   from the connection's start or the end of the previous answer, so an idle keep-alive
//!   connection is closed after it too (hyper's `header_read_timeout`);
//! - a head may have at most `max_header_bytes` (hyper's `max_header_size`; a larger one gets
//!   `431 Request Header Fields Too Large`), and the connection's read buffer holds at most that
//!   much (`max_buf_size`), pipelined requests included;
//! - an answer whose client reads nothing of it for the send timeout is dropped ([`Guarded`]);
//! - a request not answered within the request timeout gets a 503 (tower-http's timeout);
//! - at most `max_connections` are open at once (a semaphore): more are answered 503 and closed
//!   at once, with one log line when the cap is reached and one when it is left;
//! - on shutdown the listener closes, open connections finish their requests in flight, and
//!   whatever is still open after the grace period is closed.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;
use tokio::time::Sleep;
use tower_http::timeout::TimeoutLayer;

/// What one client may hold of the server. [`Limits::default`] has the `serve` defaults.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a client may take to send a request's head, counted from the connection's start
    /// or the end of the previous answer (so also how long an idle keep-alive connection stays).
    pub header_timeout: Duration,
    /// How long writing an answer may stall (the client reads nothing) before the connection is
    /// closed.
    pub send_timeout: Duration,
    /// How long one request may take to be answered before it gets a 503.
    pub request_timeout: Duration,
    /// Most connections open at once; more are answered 503 and closed.
    pub max_connections: usize,
    /// Most bytes of a request's head (request line and headers); a larger head gets 431.
    /// hyper needs at least 8,192.
    pub max_header_bytes: usize,
    /// How long shutting down waits for open connections before closing them.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(10),
            send_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(30),
            max_connections: 1000,
            max_header_bytes: 16 << 10,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// hyper's smallest `max_buf_size`.
const MIN_HEADER_BYTES: usize = 8192;

/// What a client gets when the connection cap is reached (written without waiting, then closed).
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\
    connection: close\r\nretry-after: 1\r\n\r\n";

/// Serve `router` on `listener` within `limits` until `shutdown` resolves, then finish the
/// requests in flight for at most `limits.shutdown_grace`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let service = router.layer(TimeoutLayer::with_status_code(
        StatusCode::SERVICE_UNAVAILABLE,
        limits.request_timeout,
    ));
    let builder = Arc::new(builder(&limits));
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let (stop, stopping) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut refused: u64 = 0;
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            // Reap finished connections so the set holds only open ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(err) => {
                        accept_failed(&err).await;
                        continue;
                    }
                };
                let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
                    if refused == 0 {
                        tracing::warn!(
                            "connection limit reached ({} open): refusing new connections with \
                             503 until some close (--max-connections)",
                            limits.max_connections
                        );
                    }
                    refused += 1;
                    refuse(stream);
                    continue;
                };
                if refused > 0 {
                    tracing::info!("accepting connections again, after refusing {refused}");
                    refused = 0;
                }
                connections.spawn(connection(
                    stream,
                    Arc::clone(&builder),
                    service.clone(),
                    stopping.clone(),
                    permit,
                    limits,
                ));
            }
        }
    }
    drop(listener);
    let _ = stop.send(true);
    let open = connections.len();
    if open > 0 {
        tracing::info!("stopping: waiting for {open} open connections");
    }
    let drained = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(limits.shutdown_grace, drained)
        .await
        .is_err()
    {
        tracing::warn!(
            "closing {} connections still open after {:?}",
            connections.len(),
            limits.shutdown_grace
        );
        connections.shutdown().await;
    }
    Ok(())
}

/// hyper's connection builder with the header limits and timer.
fn builder(limits: &Limits) -> http1::Builder {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(limits.max_header_bytes)
        .max_buf_size(limits.max_header_bytes.max(MIN_HEADER_BYTES));
    builder
}

/// Serve one connection until it closes, or until shutdown (then gracefully: the request in
/// flight is answered, keep-alive ends). The permit is the connection's place under the cap.
async fn connection(
    stream: TcpStream,
    builder: Arc<http1::Builder>,
    service: Router,
    mut stopping: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
    limits: Limits,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(Guarded::new(stream, limits.send_timeout));
    let connection = builder.serve_connection(io, TowerToHyperService::new(service));
    let mut connection = std::pin::pin!(connection);
    tokio::select! {
        result = connection.as_mut() => {
            if let Err(err) = result {
                tracing::debug!("connection closed: {err}");
            }
        }
        () = stopped(&mut stopping) => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// Resolves once the server stops (or its sender is gone).
async fn stopped(stopping: &mut watch::Receiver<bool>) {
    let _ = stopping.wait_for(|stop| *stop).await;
}

/// Answer 503 without waiting and close: the cap is reached.
fn refuse(stream: TcpStream) {
    let _ = stream.try_write(BUSY);
}

/// After a failed accept: errors of the one connection are skipped; others (out of files, say)
/// are logged and retried after a pause, as `axum::serve` does.
async fn accept_failed(err: &io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        err.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    ) {
        return;
    }
    tracing::error!("accept error: {err}; retrying in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// A connection's stream whose writes may wait for the client to read for at most the send
/// timeout (hyper has no write timeout: a client that reads nothing would hold its connection,
/// and the answer's memory, for ever).
struct Guarded<T> {
    io: T,
    send_timeout: Duration,
    /// Running while a write waits for the client.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl<T> Guarded<T> {
    fn new(io: T, send_timeout: Duration) -> Guarded<T> {
        Guarded {
            io,
            send_timeout,
            stalled: None,
        }
    }

    /// After a write: ready means it moved on, so the stall clock stops; pending starts it or
    /// checks it.
    fn after_write<R>(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<io::Result<R>>,
    ) -> Poll<io::Result<R>> {
        if result.is_ready() {
            self.stalled = None;
            return result;
        }
        let send_timeout = self.send_timeout;
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(send_timeout)));
        match stalled.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client read nothing within the send timeout",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write(cx, buf);
        this.after_write(cx, result)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_write_vectored(cx, bufs);
        this.after_write(cx, result)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.io).poll_flush(cx);
        this.after_write(cx, result)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}
