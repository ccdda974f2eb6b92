package app.cairn.course;

import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.shared.Role;

/**
 * Where a course's roster comes from: the LMS, through LTI Names and Role Provisioning. Defined
 * here and implemented by the LTI feature, so courses need not know the protocol.
 */
public interface RosterSource {

    /** Fetches every member (all pages) of the roster at {@code rosterUrl}. */
    List<Member> fetch(long platformId, String rosterUrl) throws UnavailableException;

    /**
     * One member as the LMS lists them; role empty for roles Cairn does not serve (e.g. mentors).
     * {@code active} is false for members the LMS marks Inactive or Deleted.
     */
    record Member(String subject, @Nullable String name, @Nullable String email, @Nullable Role role,
                  List<String> lmsRoles, boolean active) {
    }

    /** The roster could not be fetched or read; the message says why, for the teacher. */
    final class UnavailableException extends Exception {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
