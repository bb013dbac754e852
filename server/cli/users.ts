console.log("users: not yet")
