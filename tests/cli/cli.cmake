# Runs the kiosk binary with ARGS and checks the exit code and output.
# Variables: KIOSK, ARGS (;-list), EXPECT_RC, EXPECT_OUT (regex, optional), CWD.
execute_process(COMMAND ${KIOSK} ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                WORKING_DIRECTORY ${CWD})
if(NOT rc EQUAL EXPECT_RC)
  message(FATAL_ERROR "exit ${rc}, expected ${EXPECT_RC}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_OUT AND NOT "${out}${err}" MATCHES "${EXPECT_OUT}")
  message(FATAL_ERROR "output does not match '${EXPECT_OUT}':\n${out}${err}")
endif()
