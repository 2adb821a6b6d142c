package se.lots.security.internal;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import se.lots.organisation.UserAccounts;
import se.lots.shared.TextInput;

@Service
class LotsUserDetailsService implements UserDetailsService {

    private final UserAccounts users;

    LotsUserDetailsService(UserAccounts users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // no account name holds one, and PostgreSQL cannot take a NUL as a parameter (it answered with an error)
        if (TextInput.firstRefused(username) >= 0) {
            throw new UsernameNotFoundException("refused character in username");
        }
        var account = users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        String hash = users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(account.username()).password(hash).disabled(!account.active())
                .authorities(List.of(new SimpleGrantedAuthority(account.role().authority()))).build();
    }
}
