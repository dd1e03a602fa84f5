/**
 * mp: Python's {@code multiprocessing} for Java. Every {@link procbook.mp.Process} is a real OS
 * process, a child JVM; every primitive crosses process boundaries through the OS — files of shared
 * memory, pipes, Unix sockets — never a thread in disguise. One public package, as Python has one
 * module; what is not public here is how it works, and the map below says where.
 *
 * <h2>Where is what</h2>
 * <table>
 * <caption>The public names, and the package-private classes that do the work</caption>
 * <tr><th>To find</th><th>Read</th></tr>
 * <tr><td>a process: start, join, exit codes, close, sentinel</td>
 *     <td>{@link procbook.mp.Process}; {@code ExitStatus} (how a child's end becomes Python's exit code)</td></tr>
 * <tr><td>how a child JVM is launched</td>
 *     <td>{@link procbook.mp.JavaCommand} (its command line), {@code ChildJvm} (the launch on its standard
 *     input), {@code WarmJvm} (one booted ahead), {@code ClassDataArchive} (JDK classes mapped
 *     ready-made), {@code ChildMain} (the child's first code), {@code LaunchCodec}, {@code LambdaCall}</td></tr>
 * <tr><td>what a process does at its end, and its identity</td>
 *     <td>{@code ThisProcess}</td></tr>
 * <tr><td>how a value crosses a process boundary</td>
 *     <td>{@code Values} (plain values), {@code Serialization} (the rest, and its error messages)</td></tr>
 * <tr><td>how a primitive travels to another process</td>
 *     <td>{@code SharedPrimitive}: only its file's path and its name travel</td></tr>
 * <tr><td>shared memory, and waiting for another process</td>
 *     <td>{@code SharedMemory}, {@code OwnerWord} (a word holding an owner's pid), {@code Waiting}
 *     (spin, then sleep at most 1 ms), {@code Liveness} and {@code ProcStat} (is that pid alive?)</td></tr>
 * <tr><td>the Lock mechanism</td>
 *     <td>{@link procbook.mp.Lock}, {@link procbook.mp.RLock} on {@code OwnerWord}; {@link procbook.mp.Held}
 *     and {@code Release} for try-with-resources</td></tr>
 * <tr><td>semaphores, events, conditions, barriers</td>
 *     <td>{@link procbook.mp.Semaphore}, {@link procbook.mp.BoundedSemaphore}, {@link procbook.mp.Event},
 *     {@link procbook.mp.Condition}, {@link procbook.mp.Barrier}</td></tr>
 * <tr><td>numbers in shared memory</td>
 *     <td>{@link procbook.mp.Value}, {@link procbook.mp.Array}; {@code Typecode} (Python's type codes, one
 *     slot of 8 bytes each)</td></tr>
 * <tr><td>pipes</td>
 *     <td>{@link procbook.mp.Pipe} (the two ends), {@link procbook.mp.Connection} (one end),
 *     {@code PipeRing} (the ring protocol), {@link procbook.mp.Waitable} and
 *     {@link procbook.mp.Connection#waitAny} (Python's {@code connection.wait})</td></tr>
 * <tr><td>queues</td>
 *     <td>{@link procbook.mp.Queue}, {@link procbook.mp.JoinableQueue}; {@code QueueOverflow} (items
 *     waiting beyond the ring)</td></tr>
 * <tr><td>how the pool hands out work</td>
 *     <td>{@link procbook.mp.Pool} (the API), {@link procbook.mp.AsyncResult}; {@code PoolWorker}</td></tr>
 * <tr><td>managers and proxies</td>
 *     <td>{@link procbook.mp.Manager}, the {@code *Proxy} classes on {@code ProxyBase};
 *     {@code ManagerClient} (a call), {@code ManagerServer} (the server process), {@code ManagerSocket}
 *     (where it listens), {@code ManagerConnection} (what a client holds, given back when it leaves),
 *     the {@code Managed*} classes (the objects, as the manager holds them)</td></tr>
 * <tr><td>signals</td>
 *     <td>{@link procbook.mp.Signal}, {@link procbook.mp.Signals}</td></tr>
 * <tr><td>recording for the test kit</td>
 *     <td>{@link procbook.mp.Trace} (the event kinds), {@link procbook.mp.TraceLine} (the line format)</td></tr>
 * </table>
 *
 * <p>The course book keeps a table from every Python name to its name here, and a list of the few
 * places where mp differs from Python on purpose.
 */
package procbook.mp;
