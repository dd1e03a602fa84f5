package procbook.mp;

import java.io.Serializable;

/**
 * What every proxy of a {@link Manager} is: the manager's address and the object's number. That is
 * all that travels when a proxy is handed to another process; each call goes to the manager.
 */
abstract class ProxyBase implements Serializable {
    private static final long serialVersionUID = 1L;

    final Manager.Address address;
    final long id;
    final String kind;

    ProxyBase(Manager.Address address, long id, String kind) {
        this.address = address;
        this.id = id;
        this.kind = kind;
    }

    final Object call(String method, Object... args) {
        return ManagerClient.call(address, id, method, args);
    }

    @Override
    public String toString() {
        return kind + "Proxy[" + id + " in " + address + "]";
    }
}
